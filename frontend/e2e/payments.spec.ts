import { expect, test, type Page } from "@playwright/test";
import { createVerifiedUser, signInByApi, signInByForm } from "./support/accounts";

// The demo school's paid course with a streaming lesson; paid through the offline test provider.
const COURSE = "/courses/color-grading-in-davinci-resolve";
const VIDEO_LESSON = "Balancing a shot with the primaries";

// One long flow per story, on the desktop: the phone layout has screenshots of its own.
test.skip(({ isMobile }) => isMobile, "desktop only");

type Landing = { slug: string; sections: { lessons: { id: string; title: string }[] }[] };

/** The video lesson's address, from the public course outline. */
async function videoLessonUrl(page: Page): Promise<string> {
  const response = await page.request.get(`/api/catalog${COURSE}`);
  const course = (await response.json()) as Landing;
  const lesson = course.sections.flatMap((section) => section.lessons).find((l) => l.title === VIDEO_LESSON);
  expect(lesson, "the demo course's video lesson").toBeTruthy();
  return `/courses/${course.slug}/lessons/${lesson?.id}`;
}

async function watch(page: Page) {
  await page.goto(await videoLessonUrl(page));
  const player = page.getByTestId("video-player");
  await expect(player).toHaveAttribute("data-state", /ready|paused/, { timeout: 20_000 });
  await player.getByRole("button", { name: "Play", exact: true }).click();
  await expect(player).toHaveAttribute("data-state", "playing");
  await expect.poll(() => player.locator("video").evaluate((video: HTMLVideoElement) => video.currentTime), { timeout: 20_000 }).toBeGreaterThan(1);
}

test("a visitor buys a course with a coupon and starts watching", async ({ page, request }, testInfo) => {
  const buyer = await createVerifiedUser(request, testInfo, "buyer");

  // A visitor: the price, and a way in.
  await page.goto(COURSE);
  await expect(page.getByText("$59.00").first()).toBeVisible();
  await page.getByRole("link", { name: "Sign in to buy" }).click();
  await signInByForm(page, buyer);
  await expect(page).toHaveURL(new RegExp(`${COURSE}$`));

  // The coupon is checked by the server and the discounted price shows before checkout.
  await page.getByRole("button", { name: "Have a coupon?" }).click();
  await page.getByLabel("Coupon code").fill("NOSUCHCODE");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is no coupon with that code." })).toBeVisible();
  await page.getByLabel("Coupon code").fill("welcome20");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("WELCOME20 applied: 20% off")).toBeVisible();
  await expect(page.getByText("$47.20").first()).toBeVisible();
  await expect(page.locator("s", { hasText: "$59.00" })).toBeVisible();
  await expect(page.getByText("Test payments — no real money")).toBeVisible();
  await page.getByRole("button", { name: "Buy now for $47.20" }).click();

  // The test provider's hosted page, labelled as such.
  await expect(page).toHaveURL(/\/checkout\/test\//);
  await expect(page.getByText("Test payments — no real money")).toBeVisible();
  await expect(page.getByText("$47.20")).toBeVisible();
  await page.getByRole("button", { name: "Pay (test)" }).click();

  // Back on Lectern: access comes when the provider's webhook has been processed.
  await expect(page).toHaveURL(/\/checkout\/complete\?order=/);
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Start Color Grading in DaVinci Resolve" }).click();
  await expect(page.getByText("You're enrolled")).toBeVisible();
  await watch(page);

  // The purchase and its receipt number are in the history.
  await page.goto("/account/billing");
  const history = page.getByRole("list", { name: "Orders" });
  await expect(history.getByText("Color Grading in DaVinci Resolve")).toBeVisible();
  await expect(history.getByText("$47.20")).toBeVisible();
  await expect(history.getByText("Paid")).toBeVisible();
});

test("a student subscribes monthly, watches a paid course, cancels, and loses access at period end", async ({ page, request }, testInfo) => {
  const student = await createVerifiedUser(request, testInfo, "subscriber");
  await signInByApi(page, testInfo, student);

  await page.goto("/pricing");
  const monthly = page.getByRole("region", { name: "Monthly" });
  await expect(monthly.getByText("$20.00")).toBeVisible();
  await monthly.getByRole("button", { name: "Subscribe monthly" }).click();
  await expect(page).toHaveURL(/\/checkout\/test\//);
  await expect(page.getByText("Test payments — no real money")).toBeVisible();
  await page.getByRole("button", { name: "Subscribe (test)" }).click();
  await expect(page.getByRole("heading", { name: "You're subscribed to Monthly" })).toBeVisible({ timeout: 30_000 });

  // The plan opens the paid course: one click to start it.
  await page.goto(COURSE);
  await expect(page.getByText("In your plan")).toBeVisible();
  await page.getByRole("button", { name: "Start learning" }).click();
  await expect(page.getByText("You're enrolled")).toBeVisible();
  await watch(page);

  // Cancel: access lasts until the period ends.
  await page.goto("/account/billing");
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel subscription" }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText("Cancelled");
  await expect(page.getByText(/Cancelled: you keep access until/)).toBeVisible();
  await watch(page);

  // The period ends (the test provider's clock): its webhook ends the subscription and the access.
  await page.goto("/account/billing");
  await page.getByRole("button", { name: "Test clock: end this period now" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("subscription-status")).toHaveText("Ended", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.goto(await videoLessonUrl(page));
  await expect(page.getByRole("heading", { name: "This lesson is for enrolled students" })).toBeVisible();
});
