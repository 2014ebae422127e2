import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { ADMIN, createVerifiedUser, signInByApi } from "./support/accounts";
import { currentTime, landedAt } from "./support/player";
import { essayPdf, putInOrder } from "./support/assessments";

// The demo's free course: three 12 s videos drawn by ffmpeg and transcoded by the real pipeline,
// three articles, and a quiz and an assignment at the end.
const COURSE = "smartphone-filmmaking-essentials";

type Outline = { id: string; title: string; sections: { lessons: { id: string; title: string; kind: string }[] }[] };
type LessonMark = { lesson_id: string; completed: boolean; watched_percent: number; position_seconds: number };
type Progress = { percent: number; completed_at: string | null; certificate_code: string | null; lessons: LessonMark[] };

async function progressOf(page: Page, courseId: string): Promise<Progress> {
  const response = await page.request.get(`/api/courses/${courseId}/progress`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Progress;
}

async function markOf(page: Page, courseId: string, lessonId: string): Promise<LessonMark> {
  return (await progressOf(page, courseId)).lessons.find((mark) => mark.lesson_id === lessonId)!;
}

async function openPlayer(page: Page): Promise<Locator> {
  const player = page.getByTestId("video-player");
  await expect(player).toHaveAttribute("data-state", /ready|paused/, { timeout: 20_000 });
  return player;
}

/** Plays a video lesson from where it stands to its end, twice as fast, the way a student does. */
async function watchToTheEnd(page: Page, testInfo: TestInfo, courseId: string, lessonId: string) {
  await page.goto(`/courses/${COURSE}/lessons/${lessonId}?t=0`);
  const player = await openPlayer(page);
  await player.getByRole("button", { name: "Playback speed" }).click();
  await page.getByRole("menuitemradio", { name: "2×" }).click();
  await player.getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(() => player.locator("video").evaluate((video: HTMLVideoElement) => video.ended), { timeout: 30_000 }).toBe(true);
  await expect.poll(async () => (await markOf(page, courseId, lessonId)).completed, { timeout: 15_000 }).toBe(true);
  testInfo.annotations.push({ type: "watched", description: lessonId });
}

test("a student enrols, watches with a skip, resumes from the dashboard, takes notes, finishes, verifies the certificate and reviews", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one full course per run; the phone sees the dashboard in the test below");
  test.setTimeout(240_000);
  const context = await browser.newContext({ ...testInfo.project.use, acceptDownloads: true });
  const page = await context.newPage();
  const student = await createVerifiedUser(page.request, testInfo, "learner");
  await signInByApi(page, testInfo, student);

  const course = (await (await page.request.get(`/api/catalog/courses/${COURSE}`)).json()) as Outline;
  const lessons = course.sections.flatMap((section) => section.lessons);
  const videos = lessons.filter((lesson) => lesson.kind === "video");
  const first = videos[0]!;

  // --- one click enrols in the free course --------------------------------------------------
  await page.goto(`/courses/${COURSE}`);
  await page.getByRole("button", { name: "Enrol for free" }).click();
  await expect(page.getByRole("link", { name: "Start learning" })).toBeVisible();
  await page.getByRole("link", { name: "Start learning" }).click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${first.id}`));

  // --- watch the first 2 s, skip 5 s ahead, watch a little more (this video is 12 s long) ------------------------------
  const player = await openPlayer(page);
  await player.getByRole("button", { name: "Play", exact: true }).click();
  await expect(player).toHaveAttribute("data-state", "playing");
  await expect.poll(() => currentTime(player), { timeout: 20_000 }).toBeGreaterThan(2);
  await player.focus();
  await page.keyboard.press("k");
  await expect(player).toHaveAttribute("data-state", "paused");
  const beforeSkip = await currentTime(player);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => currentTime(player)).toBeGreaterThan(beforeSkip + 4);
  const afterSkip = await currentTime(player);
  await page.keyboard.press("k");
  await expect.poll(() => currentTime(player), { timeout: 10_000 }).toBeGreaterThan(afterSkip + 1);
  await page.keyboard.press("k");
  await expect(player).toHaveAttribute("data-state", "paused");
  const leftAt = await currentTime(player);

  // The skipped seconds don't count: the server credits what was played (about 3.5 of 12 s),
  // not the 8 s the position says, and the curriculum beside the player shows the same figure.
  const played = beforeSkip + (leftAt - afterSkip);
  const curriculum = page.getByRole("navigation", { name: "Course content" });
  await expect(async () => {
    const mark = await markOf(page, course.id, first.id);
    expect(mark.position_seconds).toBeGreaterThan(leftAt - 0.6);
    expect(mark.completed).toBe(false);
    expect(Math.abs(mark.watched_percent - (100 * played) / 12)).toBeLessThanOrEqual(8);
    expect(mark.watched_percent).toBeLessThan((100 * leftAt) / 12 - 25);
    await expect(curriculum.getByRole("img", { name: `watched ${mark.watched_percent}%` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // --- leave; the dashboard offers to continue at the same second ---------------------------
  await page.goto("/learning");
  await expect(page.getByRole("heading", { name: "My learning" })).toBeVisible();
  const resume = page.getByRole("region", { name: "Continue watching" }).getByRole("link", { name: first.title });
  await expect(page.getByText(`Resume at 0:${String(Math.floor(leftAt)).padStart(2, "0")}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "My courses" }).getByRole("heading", { name: course.title })).toBeVisible();
  await resume.click();
  await expect(page).toHaveURL(new RegExp(`/lessons/${first.id}\\?t=${Math.floor(leftAt)}`));
  const again = await openPlayer(page);
  // A link starts at most 3 s before the end, so there is something left to play
  // (player/linked-start.ts): a busy machine's late pause past 0:10 resumes at 0:09.
  const resumeAt = Math.min(Math.floor(leftAt), 12 - 3);
  expect(await landedAt(again, resumeAt - 0.5)).toBeLessThan(leftAt + 1);

  // --- two notes and a bookmark from the player's keys, then jump to a note ------------------
  await again.focus();
  await page.keyboard.press("n");
  const composer = page.getByRole("textbox", { name: /New note at 0:0\d/ });
  await expect(composer).toBeFocused();
  await composer.fill("The **exposure lock** stops the picture from pulsing.");
  await page.keyboard.press("Control+Enter");
  const notes = page.getByRole("list", { name: "Your notes on this lesson" });
  await expect(notes.getByRole("listitem")).toHaveCount(1);
  await expect(notes.getByText("exposure lock", { exact: true })).toBeVisible();

  await again.focus();
  await page.keyboard.press("Home");
  await expect.poll(() => currentTime(again)).toBeLessThan(0.5);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => currentTime(again)).toBeGreaterThan(4.5);
  await page.keyboard.press("n");
  await expect(page.getByRole("textbox", { name: "New note at 0:05" })).toBeFocused();
  await page.keyboard.type("Tap to focus, then hold to lock.");
  await page.keyboard.press("Control+Enter");
  await expect(notes.getByRole("listitem")).toHaveCount(2);
  // In the order of the video: the note at 0:05 comes before the one further in.
  await expect(notes.getByRole("listitem").first()).toContainText("Tap to focus");

  await again.focus();
  await page.keyboard.press("b");
  const bookmarks = page.getByRole("list", { name: "Your bookmarks on this lesson" });
  await expect(bookmarks.getByRole("listitem")).toHaveCount(1);
  await expect(bookmarks.getByRole("button", { name: "Play from 0:05" })).toBeVisible();

  // Back to the start first: the video plays on, and must not drift to the note's second by
  // itself before the click has made it jump there.
  await again.focus();
  await page.keyboard.press("Home");
  await expect.poll(() => currentTime(again)).toBeLessThan(0.5);
  await page.getByRole("tab", { name: "Notes" }).click();
  const later = notes.getByRole("listitem").nth(1).getByRole("button", { name: /^Play from / });
  const laterAt = Number(/0:(\d\d)/.exec((await later.getAttribute("aria-label")) ?? "")![1]);
  await later.click();
  // It plays on from there: the first reading past the note is where it landed.
  expect(await landedAt(again, laterAt - 0.5)).toBeLessThan(laterAt + 1.5);

  // --- finish the course: every video to its end, every article read, the quiz, the work ----
  for (const video of videos) await watchToTheEnd(page, testInfo, course.id, video.id);
  for (const article of lessons.filter((lesson) => lesson.kind === "article")) {
    // An article completes once read to its end.
    await page.goto(`/courses/${COURSE}/lessons/${article.id}`);
    await page.getByTestId("read-to-end").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("lesson-done-toggle")).toHaveAttribute("data-done", "true");
  }
  // The course ends with the demo's quiz (passed) and its assignment (handed in).
  const quiz = lessons.find((lesson) => lesson.kind === "quiz")!;
  await page.goto(`/courses/${COURSE}/lessons/${quiz.id}`);
  await page.getByTestId("quiz-panel").getByTestId("start-quiz").click();
  const questions = page.getByTestId("quiz-attempt").getByTestId("quiz-question");
  await expect(questions).toHaveCount(6);
  await questions.nth(0).getByRole("radio", { name: "Press and hold on the subject to lock focus and exposure" }).check();
  for (const steady of ["Elbows tucked against your body", "Using the 0.5x ultra-wide lens", "Walking heel to toe"]) {
    await questions.nth(1).getByRole("checkbox", { name: steady }).check();
  }
  await questions.nth(2).getByRole("radio", { name: "False" }).check();
  await questions.nth(3).getByRole("textbox").fill("Close-up");
  await questions.nth(4).getByRole("textbox").fill("50");
  await putInOrder(questions.nth(5), ["Wide shot", "Medium shot", "Close-up"]);
  await expect(page.getByTestId("quiz-save-status")).toHaveText(/All answers saved/);
  await page.getByTestId("quiz-attempt").getByTestId("hand-in").click();
  await expect(page.getByTestId("quiz-result")).toBeVisible();
  await expect.poll(async () => (await markOf(page, course.id, quiz.id)).completed).toBe(true);

  const assignment = lessons.find((lesson) => lesson.kind === "assignment")!;
  await page.goto(`/courses/${COURSE}/lessons/${assignment.id}`);
  const work = page.getByTestId("assignment-panel");
  await work.getByLabel("Files to hand in").setInputFiles({ name: "tea-sequence.pdf", mimeType: "application/pdf", buffer: essayPdf() });
  await work.getByLabel("Text (Markdown works)").fill("Three stills attached; the window was on the left.");
  await work.getByTestId("hand-in-assignment").click();
  await expect(work.getByTestId("submission")).toHaveCount(1);

  await expect.poll(async () => (await progressOf(page, course.id)).percent, { timeout: 15_000 }).toBe(100);
  const code = (await progressOf(page, course.id)).certificate_code!;
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // --- the dashboard: completed, a certificate to download and share ------------------------
  await page.goto("/learning");
  const myCourse = page.getByRole("article", { name: course.title }).first();
  await expect(myCourse.getByText("Completed")).toBeVisible();
  const certificate = page.getByRole("region", { name: "Certificates" }).getByRole("article");
  await expect(certificate).toContainText(code);
  const download = page.waitForEvent("download");
  await certificate.getByRole("link", { name: "Download PDF" }).click();
  const pdf = await (await download).path();
  const bytes = readFileSync(pdf);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(5_000);
  const week = page.getByRole("region", { name: "This week" });
  await expect(week).toContainText(/1[- ]day streak/);

  // --- anyone can verify it by its code -----------------------------------------------------
  const visitor = await (await browser.newContext(testInfo.project.use)).newPage();
  await visitor.goto(`/certificates/${code.toLowerCase()}`);
  await expect(visitor.getByText("Verified")).toBeVisible();
  await expect(visitor.getByText(student.displayName)).toBeVisible();
  await expect(visitor.getByText(course.title).first()).toBeVisible();
  await visitor.goto("/certificates/0000-0000-0000");
  await expect(visitor.getByRole("heading", { name: /not found|no certificate/i })).toBeVisible();

  // --- a review, shown on the course page -----------------------------------------------------
  const ratings = async () => ((await (await page.request.get(`/api/courses/${course.id}/reviews`)).json()) as { summary: { count: number } }).summary.count;
  const ratedBefore = await ratings();
  await page.goto(`/courses/${COURSE}`);
  const mine = page.getByRole("form", { name: "Rate this course" });
  await mine.getByRole("radio", { name: "5 stars" }).click();
  // Unique words, so a rerun against the same stack finds this run's review.
  const words = `Short and clear: I finally stopped filming into the window (take ${Date.now().toString(36)}).`;
  await mine.getByRole("textbox", { name: "Your review (optional)" }).fill(words);
  await mine.getByRole("button", { name: "Publish review" }).click();
  const review = page.getByRole("list", { name: "Reviews" }).getByRole("listitem").filter({ hasText: words });
  await expect(review.getByRole("article", { name: `5 stars from ${student.displayName}` })).toBeVisible();
  expect(await ratings()).toBe(ratedBefore + 1);

  // --- an admin hides it: it leaves the course page and the course's count ----------------------
  const admin = await (await browser.newContext(testInfo.project.use)).newPage();
  await signInByApi(admin, testInfo, ADMIN);
  await admin.goto("/admin/ratings");
  const row = admin.getByRole("listitem").filter({ hasText: words });
  await row.getByRole("button", { name: `Hide ${student.displayName}'s review` }).click();
  const dialog = admin.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("Posted by the end-to-end suite, not a real opinion.");
  await dialog.getByRole("button", { name: "Hide review" }).click();
  await expect(row.getByText("Hidden", { exact: true })).toBeVisible();
  expect(await ratings()).toBe(ratedBefore);
  await page.reload();
  await expect(page.getByRole("list", { name: "Reviews" }).getByText(words)).toHaveCount(0);
  await context.close();
});

test("the demo student's dashboard shows their course, what to watch next and the week", async ({ page }, testInfo) => {
  await signInByApi(page, testInfo, { email: "student@lectern.test", password: "lectern-learn-demo" });
  await page.goto("/learning");
  await expect(page.getByRole("heading", { name: "My learning" })).toBeVisible();
  await expect(page.getByRole("region", { name: "My courses" }).getByRole("heading", { name: "Smartphone Filmmaking Essentials" })).toBeVisible();
  await expect(page.getByRole("region", { name: "This week" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recommended for you" }).getByRole("link").first()).toBeVisible();
  // Nothing runs off a phone's screen, once the pictures and fonts are in.
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
