import { expect, test } from "@playwright/test";
import { ADMIN, createVerifiedUser, signInByApi } from "./support/accounts";

test("an open page hears about a new role and a sign-out from another device", async ({ page, request, browser }, testInfo) => {
  const user = await createVerifiedUser(request, testInfo, "live");
  await signInByApi(page, testInfo, user);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("You're an instructor")).toHaveCount(0);

  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const admin = await other.newPage();
  await signInByApi(admin, testInfo, ADMIN);
  const origin = { Origin: new URL(testInfo.project.use.baseURL ?? "").origin };
  const found = await admin.request.get(`/api/admin/users?q=${encodeURIComponent(user.email)}`);
  const id = (await found.json()).items[0].id as string;
  const granted = await admin.request.put(`/api/admin/users/${id}/roles/instructor`, { headers: origin });
  expect(granted.status()).toBe(200);
  // No reload: the page was told.
  await expect(page.getByText("You're an instructor")).toBeVisible();

  // The same person signs out everywhere from a second device: this page leaves by itself.
  const phone = await other.newPage();
  await phone.context().clearCookies();
  await signInByApi(phone, testInfo, user);
  const ended = await phone.request.post("/api/auth/sign-out-everywhere", { headers: origin });
  expect(ended.status()).toBe(204);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText("You were signed out from another device.")).toBeVisible();
  await other.close();
});
