import { expect, test } from "@playwright/test";
import { STUDENT } from "./support/accounts";

test("the skip link is the first stop and jumps to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("signing in works with the keyboard alone", async ({ page }) => {
  await page.goto("/sign-in");
  const email = page.getByLabel("Email");
  const password = page.getByLabel("Password", { exact: true });

  // The email field takes focus on arrival.
  await expect(email).toBeFocused();
  await page.keyboard.type(STUDENT.email);

  // Tab walks forward until it reaches the password field (passing the "Forgot password?" link).
  for (let step = 0; step < 5 && !(await password.evaluate((el) => el === document.activeElement)); step++) {
    await page.keyboard.press("Tab");
  }
  await expect(password).toBeFocused();
  await page.keyboard.type(STUDENT.password);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/learning$/);
  await expect(page.getByRole("heading", { name: "My learning" })).toBeVisible();
});
