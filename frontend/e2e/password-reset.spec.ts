import { expect, test } from "@playwright/test";
import { createVerifiedUser, signInByForm } from "./support/accounts";
import { waitForMail } from "./support/outbox";

test("a forgotten password is reset by email and the new one signs in", async ({ page, request }, testInfo) => {
  const user = await createVerifiedUser(request, testInfo, "forgetful");
  const newPassword = "second-breakfast-compass-77";
  const since = Date.now();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("Reset link sent")).toBeVisible();

  const mail = await waitForMail(user.email, { since, subject: /password/i });
  expect(new URL(mail.link).pathname).toBe("/reset-password");
  await page.goto(mail.link);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { name: "Password changed" })).toBeVisible();

  // The link is single-use.
  await page.goto(mail.link);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { name: /already used|isn't valid|expired/ })).toBeVisible();

  await page.goto("/sign-in");
  await signInByForm(page, { email: user.email, password: user.password });
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/learning$/);
});
