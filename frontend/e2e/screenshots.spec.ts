import { expect, test, type Page } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { ADMIN, INSTRUCTOR, STUDENT, createVerifiedUser, signInByApi } from "./support/accounts";

// Pictures of the main pages for the README and for reviewing the design, one per screen size.
const OUT = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

async function shoot(page: Page, name: string, project: string) {
  // Scroll through once so lazy pictures below the fold load, then let fonts, avatars and
  // skeleton-to-content transitions settle.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.screenshot({ path: `${OUT}${name}-${project}.png`, fullPage: true, animations: "disabled" });
}

test("screenshots of the main pages", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
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

test("screenshots of a student's learning", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  await signInByApi(page, testInfo, STUDENT);

  await page.goto("/learning");
  await expect(page.getByRole("region", { name: "Continue watching" })).toBeVisible();
  await shoot(page, "learning-dashboard", project);

  // The paused demo video with the student's notes beside it (below it, on a phone).
  await page.getByRole("region", { name: "Continue watching" }).getByRole("link").first().click();
  await expect(page.getByTestId("video-player")).toHaveAttribute("data-state", /ready|paused/, { timeout: 20_000 });
  await page.getByRole("tab", { name: "Notes" }).click();
  await expect(page.getByRole("list", { name: "Your notes on this lesson" }).getByRole("listitem")).toHaveCount(2);
  await shoot(page, "lesson-notes", project);

  const dashboard = (await (await page.request.get("/api/me/learning")).json()) as {
    courses: { course: { id: string; slug: string } }[];
    certificates: { code: string }[];
  };
  const filming = dashboard.courses.find((entry) => entry.course.slug === "smartphone-filmmaking-essentials")!;
  await page.goto(`/learning/notes/${filming.course.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "course-notes", project);

  await page.goto(`/certificates/${dashboard.certificates[0]!.code}`);
  await expect(page.getByText("Verified").first()).toBeVisible();
  await shoot(page, "certificate", project);

  await page.goto("/courses/smartphone-filmmaking-essentials");
  const reviews = page.getByRole("region", { name: "Student reviews" });
  await expect(reviews.getByRole("list", { name: "Reviews" }).getByRole("listitem")).toHaveCount(3);
  await page.waitForLoadState("networkidle");
  // The section alone, cut from the whole page (the sticky header stays at the top of that).
  const box = await reviews.evaluate((section) => {
    const rect = section.getBoundingClientRect();
    return { x: 0, y: rect.top + window.scrollY - 24, width: document.documentElement.clientWidth, height: rect.height + 48 };
  });
  await page.screenshot({ path: `${OUT}course-reviews-${project}.png`, fullPage: true, clip: box, animations: "disabled" });
});

test("screenshots of buying and subscribing", async ({ page, request }, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  const buyer = await createVerifiedUser(request, testInfo, "shots");
  await signInByApi(page, testInfo, buyer);

  await page.goto("/pricing");
  await expect(page.getByRole("region", { name: "Monthly" })).toBeVisible();
  await shoot(page, "pricing", project);

  await page.goto("/courses/color-grading-in-davinci-resolve");
  await page.getByRole("button", { name: "Have a coupon?" }).click();
  await page.getByLabel("Coupon code").fill("WELCOME20");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("WELCOME20 applied: 20% off")).toBeVisible();
  await shoot(page, "course-checkout", project);
  await page.getByRole("button", { name: /Buy now for/ }).click();
  await expect(page.getByRole("button", { name: "Pay (test)" })).toBeVisible();
  await shoot(page, "test-checkout", project);
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible({ timeout: 30_000 });

  await page.goto("/pricing");
  await page.getByRole("region", { name: "Yearly" }).getByRole("button", { name: "Start free trial" }).click();
  await page.getByRole("button", { name: "Subscribe (test)" }).click();
  await expect(page.getByRole("heading", { name: /You're subscribed/ })).toBeVisible({ timeout: 30_000 });
  await page.goto("/account/billing");
  await expect(page.getByTestId("subscription-status")).toBeVisible();
  await expect(page.getByRole("list", { name: "Orders" })).toBeVisible();
  await shoot(page, "billing", project);

  await signInByApi(page, testInfo, ADMIN);
  await page.goto("/admin/payments");
  await expect(page.getByRole("list", { name: "Orders" })).toBeVisible();
  await shoot(page, "admin-payments", project);
  await page.goto("/admin/payments/coupons");
  await expect(page.getByRole("list", { name: "Coupons" })).toBeVisible();
  await shoot(page, "admin-coupons", project);
});

test("screenshots of quizzes, assignments and grading", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  const slug = "smartphone-filmmaking-essentials";
  // A student of their own per screen size: each hands in once.
  const student = await (await browser.newContext(testInfo.project.use)).newPage();
  const learner = await createVerifiedUser(student.request, testInfo, "filmmaker");
  await signInByApi(student, testInfo, learner);
  const landing = (await (await student.request.get(`/api/catalog/courses/${slug}`)).json()) as {
    id: string;
    sections: { lessons: { id: string; title: string }[] }[];
  };
  const lessons = landing.sections.flatMap((section) => section.lessons);
  const quiz = lessons.find((lesson) => lesson.title === "Phone camera check")!.id;
  const assignment = lessons.find((lesson) => lesson.title === "Shoot a 30-second sequence")!.id;

  const enrolled = await student.request.post(`/api/courses/${landing.id}/enrollment`, {
    headers: { Origin: new URL(testInfo.project.use.baseURL ?? "http://localhost:3100").origin },
  });
  expect(enrolled.ok()).toBeTruthy();
  await student.goto("/learning");
  await expect(student.getByTestId("deadlines")).toBeVisible();
  await shoot(student, "learning-deadlines", project);

  // Half way through the demo quiz, then handed in.
  await student.goto(`/courses/${slug}/lessons/${quiz}`);
  await student.getByTestId("start-quiz").click();
  const questions = student.getByTestId("quiz-question");
  await questions.nth(0).getByRole("radio").first().check();
  await questions.nth(2).getByRole("radio", { name: "False" }).check();
  await questions.nth(3).getByRole("textbox").fill("close-up");
  await expect(student.getByTestId("quiz-save-status")).toHaveText(/All answers saved/);
  await questions.nth(0).scrollIntoViewIfNeeded();
  await student.screenshot({ path: `${OUT}quiz-attempt-${project}.png`, animations: "disabled" });
  await student.getByTestId("hand-in").click();
  await student.getByRole("button", { name: "Hand in anyway" }).click();
  await expect(student.getByTestId("quiz-result")).toBeVisible();
  await shoot(student, "quiz-result", project);

  // A still handed in for the assignment.
  await student.goto(`/courses/${slug}/lessons/${assignment}`);
  const work = student.getByTestId("assignment-panel");
  await work.getByLabel("Files to hand in").setInputFiles(fileURLToPath(new URL("./fixtures/avatar.png", import.meta.url)));
  await expect(work.getByTestId("pending-file")).toBeVisible();
  await work.getByLabel("Text (Markdown works)").fill("The video: https://example.com/tea-sequence. Stills attached.");
  await work.getByTestId("hand-in-assignment").click();
  await expect(work.getByTestId("submission")).toHaveCount(1);
  await shoot(student, "assignment", project);

  const teacher = await (await browser.newContext(testInfo.project.use)).newPage();
  await signInByApi(teacher, testInfo, INSTRUCTOR);
  await teacher.goto(`/studio/courses/${landing.id}/quizzes/${quiz}`);
  await expect(teacher.getByTestId("question-row").first()).toBeVisible();
  await teacher.getByRole("button", { name: "Edit question 2" }).click();
  await shoot(teacher, "studio-quiz-builder", project);

  await teacher.goto(`/studio/courses/${landing.id}#grading`);
  await teacher.getByTestId("grading-queue").getByRole("link", { name: new RegExp(`${learner.displayName} · Shoot`) }).click();
  const rubric = teacher.getByTestId("rubric-choice");
  await rubric.nth(0).getByRole("radio", { name: "Complete coverage" }).check();
  await rubric.nth(1).getByRole("radio", { name: "Mostly clean" }).check();
  await rubric.nth(2).getByRole("radio", { name: "Thoughtful" }).check();
  await teacher.getByLabel("Comment for the student").fill("Lovely window light. Lock focus on the hands for the close-ups.");
  await shoot(teacher, "grading-submission", project);
  await teacher.getByTestId("grade-and-release").click();
  await expect(teacher.getByText(/Released .*Saving a change/)).toBeVisible();

  await teacher.goto(`/studio/courses/${landing.id}#grading`);
  await teacher.getByRole("tab", { name: "Gradebook" }).click();
  await expect(teacher.getByTestId("gradebook")).toBeVisible();
  await shoot(teacher, "gradebook", project);
});
