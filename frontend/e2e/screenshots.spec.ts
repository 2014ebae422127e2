import { expect, test, type Page } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { ADMIN, signInByApi } from "./support/accounts";

// Pictures of the main pages for the README and for reviewing the design, one per screen size.
const OUT = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

async function shoot(page: Page, name: string, project: string) {
  // Let fonts, avatars and skeleton-to-content transitions settle.
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.screenshot({ path: `${OUT}${name}-${project}.png`, fullPage: true, animations: "disabled" });
}

test("screenshots of the main pages", async ({ page }, testInfo) => {
  const project = testInfo.project.name;

  for (const [name, path] of [
    ["landing", "/"],
    ["sign-in", "/sign-in"],
    ["register", "/register"],
  ] as const) {
    await page.goto(path);
    await shoot(page, name, project);
  }

  await signInByApi(page, testInfo, ADMIN);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await shoot(page, "account", project);

  await page.goto("/account/security");
  await expect(page.getByText("This device", { exact: true })).toBeVisible();
  await shoot(page, "security", project);

  await page.goto("/admin/users");
  await expect(page.getByTestId("user-row").first()).toBeVisible();
  await shoot(page, "admin-users", project);
});
