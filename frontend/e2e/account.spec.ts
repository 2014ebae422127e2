import { expect, test } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { GOOD_PASSWORD, signInByForm, signOutFromHeader, uniqueEmail } from "./support/accounts";
import { waitForMail } from "./support/outbox";

const AVATAR = fileURLToPath(new URL("./fixtures/avatar.png", import.meta.url));

test("a new user registers, verifies, signs in, edits the profile with an avatar and signs out", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, "newcomer");
  const since = Date.now();

  await page.goto("/register");
  await page.getByLabel("Your name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(GOOD_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  const mail = await waitForMail(email, { since, subject: /confirm|verify/i });
  expect(new URL(mail.link).pathname).toBe("/verify-email");
  await page.goto(mail.link);
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).last().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInByForm(page, { email, password: GOOD_PASSWORD });
  // A plain student lands on their learning dashboard: a new one is pointed at the catalog.
  await expect(page).toHaveURL(/\/learning$/);
  await expect(page.getByRole("heading", { name: "My learning" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Find your first course" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByLabel("Display name").fill("Grace B. Hopper");
  await page.getByLabel("Bio").fill("Rear admiral, compiler pioneer, finder of moths.");
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();

  await page.getByLabel("Profile picture file").setInputFiles(AVATAR);
  await expect(page.getByRole("img", { name: "Preview of your new profile picture" })).toBeVisible();
  await page.getByRole("button", { name: "Save picture" }).click();
  await expect(page.getByText("Profile picture updated.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove" })).toBeVisible();

  // What was saved is what the server gives back on a fresh load.
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Grace B. Hopper");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
  await expect(page.getByLabel("Language")).toHaveValue("fr");
  const avatar = page.locator('img[src*="/api/avatars/"]').first();
  await expect(avatar).toBeVisible();
  expect(await avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await signOutFromHeader(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
});
