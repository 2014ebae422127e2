import { expect, test, type Page } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { ADMIN, INSTRUCTOR, signInByApi } from "./support/accounts";

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
    ["catalog", "/courses"],
    ["catalog-search", "/courses?q=color&level=advanced"],
    ["course-landing", "/courses/color-grading-in-davinci-resolve"],
  ] as const) {
    await page.goto(path);
    await shoot(page, name, project);
  }

  // The demo school's first free preview lesson.
  await page.goto("/courses/modern-css-layout-with-flexbox-and-grid");
  await page.getByRole("link", { name: /Start with the free preview/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "preview-lesson", project);

  // The demo video lesson, paused a few seconds in with the controls and captions showing.
  await page.goto("/courses/smartphone-filmmaking-essentials");
  await page.getByRole("link", { name: /Start with the free preview/ }).first().click();
  const player = page.getByTestId("video-player");
  await player.getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(() => player.locator("video").evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 20_000 }).toBeGreaterThan(2);
  await player.getByRole("button", { name: "Pause", exact: true }).click();
  await player.hover();
  await page.screenshot({ path: `${OUT}video-lesson-${project}.png`, fullPage: true, animations: "disabled" });

  const teacher = await page.context().browser()!.newContext(testInfo.project.use);
  const studio = await teacher.newPage();
  await signInByApi(studio, testInfo, INSTRUCTOR);
  await studio.goto("/studio");
  await expect(studio.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(studio, "studio", project);
  await studio.getByRole("link", { name: /Color Grading in DaVinci Resolve/ }).first().click();
  await studio.getByRole("tab", { name: "Curriculum" }).click();
  await expect(studio.getByRole("list", { name: "Sections" })).toBeVisible();
  await shoot(studio, "studio-curriculum", project);
  await studio.goto("/studio");
  await studio.getByRole("link", { name: /Smartphone Filmmaking Essentials/ }).first().click();
  await studio.getByRole("tab", { name: "Curriculum" }).click();
  await studio.getByRole("button", { name: "Your phone is a real camera", exact: true }).click();
  await expect(studio.getByTestId("current-video")).toBeVisible();
  await shoot(studio, "studio-video", project);
  await teacher.close();

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

  await page.goto("/admin/reviews");
  await expect(page.getByRole("button", { name: /Recording Clean Dialogue/ }).first()).toBeVisible();
  await shoot(page, "admin-reviews", project);

  await page.goto("/admin/topics");
  await shoot(page, "admin-topics", project);
});
