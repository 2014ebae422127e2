import { expect, test } from "@playwright/test";
import { ADMIN, createVerifiedUser, signInByApi, signInByForm, STUDENT } from "./support/accounts";

test("the admin grants the instructor role and it shows", async ({ page, request, browser }, testInfo) => {
  const user = await createVerifiedUser(request, testInfo, "future-teacher");

  await page.goto("/sign-in?next=/admin/users");
  await signInByForm(page, ADMIN);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search" }).fill(user.email);
  const row = page.locator(`[data-testid="user-row"][data-email="${user.email}"]`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  const instructor = row.getByRole("switch", { name: /Instructor role/ });
  await expect(instructor).not.toBeChecked();

  await instructor.click();
  await expect(instructor).toBeChecked();
  await expect(page.getByText(`${user.displayName} is now an instructor.`)).toBeVisible();
  await expect(row.getByText("Instructor", { exact: true }).first()).toBeVisible();

  // It is stored, not just drawn: a fresh load still shows it...
  await page.reload();
  await page.getByRole("searchbox", { name: "Search" }).fill(user.email);
  await expect(row.getByRole("switch", { name: /Instructor role/ })).toBeChecked();

  // ...and the user sees it on their own profile.
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const userPage = await context.newPage();
  await signInByApi(userPage, testInfo, user);
  await userPage.goto("/account");
  await expect(userPage.getByText("You're an instructor")).toBeVisible();
  await context.close();
});

test("a student visiting /admin/users is refused", async ({ page }, testInfo) => {
  await signInByApi(page, testInfo, STUDENT);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This page is for admins only" })).toBeVisible();
  await expect(page.getByRole("searchbox")).toHaveCount(0);
});

test("a signed-out visit to an admin page asks to sign in first", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
});

test("a user applies to teach and the admin approves the application", async ({ page, request, browser }, testInfo) => {
  const user = await createVerifiedUser(request, testInfo, "applicant");
  await signInByApi(page, testInfo, user);
  await page.goto("/account");
  await page.getByLabel("What would you like to teach, and why you?").fill("I have taught beginner Python to adults for six years.");
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByText("Under review")).toBeVisible();

  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const adminPage = await context.newPage();
  await signInByApi(adminPage, testInfo, ADMIN);
  await adminPage.goto("/admin/users");
  const application = adminPage.locator(`[data-testid="application"][data-email="${user.email}"]`);
  await application.getByRole("button", { name: "Approve" }).click();
  await expect(adminPage.getByText(`${user.displayName} is now an instructor.`)).toBeVisible();
  await expect(application).toHaveCount(0);
  await context.close();

  await page.reload();
  await expect(page.getByText("You're an instructor")).toBeVisible();
});
