import { expect, test, type Page } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { ADMIN, INSTRUCTOR, createVerifiedUser, signInByApi } from "./support/accounts";

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
