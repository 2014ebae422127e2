import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page, type TestInfo } from "@playwright/test";
import { ADMIN, INSTRUCTOR, createVerifiedUser, signInByApi } from "./support/accounts";
import { currentTime, landedAt } from "./support/player";

const BACKEND = fileURLToPath(new URL("../../backend", import.meta.url));

/** ffmpeg from the backend's environment (the one the worker uses: PATH, else imageio-ffmpeg). */
function ffmpeg(): string {
  return execFileSync(join(BACKEND, ".venv", "bin", "python"), ["-c", "from lectern.media.ffmpeg import ffmpeg_exe; print(ffmpeg_exe())"], {
    cwd: BACKEND,
    encoding: "utf8",
  }).trim();
}

/** A real lecture: 30 s of ffmpeg's test picture with a tone, ~11 MB so the upload takes a while. */
function makeLecture(testInfo: TestInfo): string {
  const path = testInfo.outputPath("lecture.mp4");
  execFileSync(ffmpeg(), [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
    "-f", "lavfi", "-i", "sine=frequency=440:beep_factor=4",
    "-t", "30", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "3M", "-pix_fmt", "yuv420p",
    "-c:a", "aac", "-movflags", "+faststart", path,
  ]);
  return path;
}

function makeCaptions(testInfo: TestInfo): string {
  const path = testInfo.outputPath("lecture.srt");
  writeFileSync(path, "1\n00:00:00,200 --> 00:00:06,000\nWelcome to the lecture.\n\n2\n00:00:06,500 --> 00:00:28,000\nWatch the test pattern move.\n");
  return path;
}

function origin(testInfo: TestInfo) {
  return { Origin: new URL(testInfo.project.use.baseURL ?? "http://localhost:3100").origin };
}

type CourseJson = { id: string; slug: string; sections: { id: string; lessons: { id: string }[] }[] };

async function ok(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<CourseJson> {
  expect(response.ok(), await response.text()).toBeTruthy();
  return (await response.json()) as CourseJson;
}

/** A draft course with a video lesson and an article, made through the API. */
async function draftCourse(page: Page, testInfo: TestInfo, title: string) {
  const headers = origin(testInfo);
  const course = await ok(await page.request.post("/api/studio/courses", { headers, data: { title } }));
  await ok(
    await page.request.patch(`/api/studio/courses/${course.id}`, {
      headers,
      data: { description: "Lighting a face with one window, shown on ffmpeg's test pattern with a tone." },
    }),
  );
  const withSection = await ok(await page.request.post(`/api/studio/courses/${course.id}/sections`, { headers, data: { title: "Light" } }));
  const sectionId = withSection.sections[0]!.id;
  await ok(await page.request.post(`/api/studio/sections/${sectionId}/lessons`, { headers, data: { title: "The lecture", kind: "video" } }));
  const full = await ok(await page.request.post(`/api/studio/sections/${sectionId}/lessons`, { headers, data: { title: "Reading list", kind: "article" } }));
  const lessonId = full.sections[0]!.lessons[0]!.id;
  return { id: course.id, slug: full.slug, lessonId };
}

async function signedInPage(browser: Browser, testInfo: TestInfo, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext(testInfo.project.use);
  const page = await context.newPage();
  await signInByApi(page, testInfo, who);
  return page;
}

async function progressOf(bar: Locator): Promise<number> {
  return Number((await bar.getAttribute("aria-valuenow")) ?? "0");
}

test("an instructor uploads a lecture, pauses and resumes it, captions it; an enrolled student watches and resumes", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one upload and transcode per run; the phone plays the demo video below");
  test.setTimeout(240_000);
  const lecture = makeLecture(testInfo);
  const captions = makeCaptions(testInfo);
  const title = `Window light ${Date.now().toString(36)}`;

  // --- the instructor uploads on a slow connection ------------------------------------------
  const teacher = await signedInPage(browser, testInfo, INSTRUCTOR);
  const course = await draftCourse(teacher, testInfo, title);
  const cdp = await teacher.context().newCDPSession(teacher);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1_500_000 });

  await teacher.goto(`/studio/courses/${course.id}`);
  await teacher.getByRole("tab", { name: "Curriculum" }).click();
  await teacher.getByRole("button", { name: "The lecture", exact: true }).click();
  const panel = teacher.getByTestId("video-panel");
  await panel.getByLabel("Video file").setInputFiles(lecture);
  const uploading = panel.getByRole("progressbar", { name: "Uploading lecture.mp4" });
  await expect(uploading).toBeVisible();
  await expect.poll(() => progressOf(uploading), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);

  // Pause: the bar stops.
  await panel.getByRole("button", { name: "Pause upload" }).click();
  await expect(panel.getByRole("button", { name: "Resume upload" })).toBeVisible();
  const paused = await progressOf(uploading);
  await teacher.waitForTimeout(1500);
  expect(await progressOf(uploading)).toBe(paused);

  // The tab is reloaded (a crash, a closed laptop): choosing the same file carries on from the
  // server's offset instead of starting again.
  await teacher.reload();
  await teacher.getByRole("tab", { name: "Curriculum" }).click();
  await teacher.getByRole("button", { name: "The lecture", exact: true }).click();
  await panel.getByLabel("Video file").setInputFiles(lecture);
  await expect(uploading).toBeVisible();
  // The bar starts from the server's offset once the client found the unfinished upload; a
  // fresh start would first show a few percent.
  await expect.poll(() => progressOf(uploading)).toBeGreaterThan(0);
  expect(await progressOf(uploading)).toBeGreaterThanOrEqual(paused - 1);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // Live transcoding progress, then ready.
  await expect(panel.getByRole("progressbar", { name: "Transcoding" }).or(panel.getByText("Waiting for a worker"))).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByTestId("current-video")).toBeVisible({ timeout: 120_000 });
  await expect(panel.getByTestId("current-video")).toContainText("720p");

  // Captions from an SRT file.
  const form = panel.getByRole("form", { name: "Add captions" });
  await form.getByLabel("Caption file").setInputFiles(captions);
  await form.getByLabel("Language", { exact: true }).fill("en");
  await form.getByLabel("Label", { exact: true }).fill("English");
  await form.getByRole("button", { name: "Add captions" }).click();
  await expect(panel.getByTestId("caption-track").filter({ hasText: "English" })).toBeVisible();

  // --- published; an admin gives one student access -------------------------------------------
  await ok(await teacher.request.post(`/api/studio/courses/${course.id}/submit`, { headers: origin(testInfo) }));
  const admin = await signedInPage(browser, testInfo, ADMIN);
  await ok(await admin.request.post(`/api/admin/courses/${course.id}/approve`, { headers: origin(testInfo) }));
  const enrolled = await createVerifiedUser(admin.request, testInfo, "viewer");
  const outsider = await createVerifiedUser(admin.request, testInfo, "outsider");
  await admin.goto(`/admin/courses/${course.id}`);
  await admin.getByLabel("Student email").fill(enrolled.email);
  await admin.getByRole("button", { name: "Grant access" }).click();
  await expect(admin.getByTestId("enrolled-student").and(admin.locator(`[data-email="${enrolled.email}"]`))).toBeVisible();

  // --- the student plays it, changes quality, speed and captions, leaves and comes back -----
  const student = await signedInPage(browser, testInfo, enrolled);
  const lessonUrl = `/courses/${course.slug}/lessons/${course.lessonId}`;
  await student.goto(lessonUrl);
  const player = student.getByTestId("video-player");
  await expect(player).toHaveAttribute("data-state", /ready|paused/, { timeout: 20_000 });
  await player.getByRole("button", { name: "Play", exact: true }).click();
  await expect(player).toHaveAttribute("data-state", "playing");

  await player.getByRole("button", { name: "Quality" }).click();
  await student.getByRole("menuitemradio", { name: "240p" }).click();
  await expect(player).toHaveAttribute("data-quality", "240");
  await player.getByRole("button", { name: "Playback speed" }).click();
  await student.getByRole("menuitemradio", { name: "1.5×" }).click();
  await expect(player).toHaveAttribute("data-rate", "1.5");
  await player.getByRole("button", { name: "Captions" }).click();
  await student.getByRole("menuitemradio", { name: "English" }).click();
  await expect(player).toHaveAttribute("data-captions", "en");
  expect(await player.locator("video").evaluate((video: HTMLVideoElement) => video.playbackRate)).toBe(1.5);

  // Past the first 5 s, where resuming starts to make sense.
  await expect.poll(() => currentTime(player), { timeout: 20_000 }).toBeGreaterThan(7);
  await player.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(player).toHaveAttribute("data-state", "paused");
  const leftAt = await currentTime(player);
  await student.goto(`/courses/${course.slug}`);
  await student.goto(lessonUrl);
  // The pause lands anywhere from 0:07 on a busy machine (the video plays at 1.5x); the time
  // checks below hold it to where the student left.
  await expect(student.getByText(/Resumed at 0:\d\d/)).toBeVisible({ timeout: 20_000 });
  expect(await landedAt(player, leftAt - 1.5)).toBeLessThan(leftAt + 1.5);

  // --- a student without access can't play it -----------------------------------------------
  const stranger = await signedInPage(browser, testInfo, outsider);
  await stranger.goto(lessonUrl);
  await expect(stranger.getByRole("heading", { name: "This lesson is for enrolled students" })).toBeVisible();
  await expect(stranger.getByTestId("video-player")).toHaveCount(0);
  const refused = await stranger.request.post(`/api/lessons/${course.lessonId}/playback`, { headers: origin(testInfo) });
  expect(refused.status()).toBe(403);
  const grant = await (await student.request.post(`/api/lessons/${course.lessonId}/playback`, { headers: origin(testInfo) })).json();
  const stolen = await stranger.request.get(grant.master_url.replace(/\/[^/]+\/master\.m3u8$/, "/forged/master.m3u8"));
  expect(stolen.status()).toBe(403);
});

test("the demo's free preview video plays for a visitor, with the curriculum beside or below it", async ({ page }) => {
  await page.goto("/courses/smartphone-filmmaking-essentials");
  await page.getByRole("link", { name: /Your phone is a real camera/ }).first().click();
  const player = page.getByTestId("video-player");
  await expect(player).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Course content" })).toBeVisible();
  await player.getByRole("button", { name: "Play", exact: true }).click();
  await expect(player).toHaveAttribute("data-state", "playing", { timeout: 20_000 });
  await expect.poll(() => currentTime(player), { timeout: 20_000 }).toBeGreaterThan(1);
  // Keyboard: k pauses, the arrow seeks.
  await player.focus();
  await page.keyboard.press("k");
  await expect(player).toHaveAttribute("data-state", "paused");
  const before = await currentTime(player);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => currentTime(player)).toBeGreaterThan(before + 3);
  // A lesson that isn't a preview needs an account; the curriculum shows it locked.
  await expect(page.getByRole("navigation", { name: "Course content" }).getByText(/Steady shots without a gimbal/)).toBeVisible();
  const landing = (await (await page.request.get("/api/catalog/courses/smartphone-filmmaking-essentials")).json()) as CourseJson;
  await page.goto(`/courses/smartphone-filmmaking-essentials/lessons/${landing.sections[0]!.lessons[1]!.id}`);
  await expect(page.getByRole("link", { name: "Sign in to watch" }).first()).toBeVisible();
  await expect(page.getByTestId("video-player")).toHaveCount(0);
});
