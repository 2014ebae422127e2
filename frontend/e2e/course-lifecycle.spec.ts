import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { ADMIN, INSTRUCTOR, signInByApi } from "./support/accounts";

/** A made-up word no other course contains, so the catalog search finds exactly this course. */
function markerWord(): string {
  const letters = "bcdfghjklmnpqrstvwz";
  let word = "zq";
  for (let i = 0; i < 7; i += 1) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

async function signedInPage(browser: Browser, testInfo: TestInfo, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext(testInfo.project.use);
  const page = await context.newPage();
  await signInByApi(page, testInfo, who);
  return page;
}

async function addSection(page: Page, title: string) {
  await page.getByLabel("New section title").fill(title);
  await page.getByRole("button", { name: "Add section" }).click();
  await expect(page.getByRole("form", { name: `Add a lesson to ${title}` })).toBeVisible();
}

async function addLesson(page: Page, section: string, title: string) {
  const form = page.getByRole("form", { name: `Add a lesson to ${section}` });
  await form.getByLabel("New lesson title").fill(title);
  await form.getByLabel("Lesson type").selectOption("article");
  await form.getByRole("button", { name: "Add lesson" }).click();
  await expect(page.getByRole("list", { name: `Lessons in ${section}` }).getByRole("button", { name: title, exact: true })).toBeVisible();
}

function previewSwitch(page: Page, lesson: string) {
  return page.getByRole("switch", { name: new RegExp(`^Free preview\\s*:\\s*${lesson}$`) });
}

async function lessonTitles(page: Page, section: string): Promise<string[]> {
  const list = page.getByRole("list", { name: `Lessons in ${section}` });
  return list.locator("button[aria-expanded][aria-describedby$=\"-meta\"]").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label") ?? ""));
}

test("a course goes from the studio through review to a visitor's preview", async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const word = markerWord();
  const title = `Field recording ${testInfo.project.name} ${word.slice(2)}`;

  // --- the instructor builds the course ---------------------------------------------------
  const teacher = await signedInPage(browser, testInfo, INSTRUCTOR);
  await teacher.goto("/studio");
  await teacher.getByRole("button", { name: "New course" }).first().click();
  await teacher.getByLabel("Course title").fill(title);
  await teacher.getByRole("dialog").getByRole("button", { name: /create/i }).click();
  await expect(teacher).toHaveURL(/\/studio\/courses\/[0-9a-f-]+/);
  const courseUrl = new URL(teacher.url()).pathname;

  await teacher.getByLabel("Course description").fill(`Capture clean sound outdoors. We use the ${word} technique for wind.`);
  await teacher.getByLabel("Level", { exact: true }).selectOption("advanced");
  await expect(teacher.getByText("All changes saved").first()).toBeVisible();

  await teacher.getByRole("tab", { name: "Curriculum" }).click();
  await addSection(teacher, "Gear");
  await addLesson(teacher, "Gear", "Choosing a recorder");
  await addLesson(teacher, "Gear", "Microphones and wind");
  await addSection(teacher, "In the field");
  await addLesson(teacher, "In the field", "Finding quiet");
  await addLesson(teacher, "In the field", "Logging takes");

  // Reorder by keyboard: focus "Move down" on the first lesson and press Enter.
  await teacher.getByRole("button", { name: "Move down: Choosing a recorder" }).focus();
  await teacher.keyboard.press("Enter");
  await expect.poll(() => lessonTitles(teacher, "Gear")).toEqual(["Microphones and wind", "Choosing a recorder"]);

  await previewSwitch(teacher, "Microphones and wind").click();
  await expect(previewSwitch(teacher, "Microphones and wind")).toBeChecked();

  // The order and the preview survive a reload: they were saved, not only drawn.
  await teacher.reload();
  await teacher.getByRole("tab", { name: "Curriculum" }).click();
  await expect.poll(() => lessonTitles(teacher, "Gear")).toEqual(["Microphones and wind", "Choosing a recorder"]);
  await expect(previewSwitch(teacher, "Microphones and wind")).toBeChecked();

  await teacher.getByRole("tab", { name: "Review" }).click();
  await teacher.getByRole("button", { name: "Submit for review" }).click();
  await expect(teacher.getByText("In review").first()).toBeVisible();

  // --- the admin sends it back with a reason ----------------------------------------------
  const admin = await signedInPage(browser, testInfo, ADMIN);
  const reason = "Please add a lesson on monitoring levels with headphones.";
  await admin.goto("/admin/reviews");
  await admin.getByRole("button", { name: new RegExp(title) }).click();
  await admin.getByRole("button", { name: "Reject", exact: true }).click();
  await admin.getByLabel("Reason for the instructor").fill(reason);
  await admin.getByRole("button", { name: "Send back to instructor" }).click();
  await expect(admin.getByText("Sent back with your reason")).toBeVisible();

  // --- the instructor sees why, fixes it and submits again ----------------------------------
  await teacher.goto(courseUrl);
  await expect(teacher.getByText(reason).first()).toBeVisible();
  await teacher.getByRole("tab", { name: "Curriculum" }).click();
  await addLesson(teacher, "In the field", "Monitoring with headphones");
  await teacher.getByRole("tab", { name: "Review" }).click();
  await teacher.getByRole("button", { name: "Submit for review" }).click();
  await expect(teacher.getByText("In review").first()).toBeVisible();

  // --- the admin approves ------------------------------------------------------------------
  await admin.goto("/admin/reviews");
  await admin.getByRole("button", { name: new RegExp(title) }).click();
  await admin.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(admin.getByText(/Approved/).first()).toBeVisible();

  // --- a visitor finds it by a word of its description, filters by level, opens the preview --
  const visitorContext = await browser.newContext(testInfo.project.use);
  const visitor = await visitorContext.newPage();
  await visitor.goto("/courses");
  await visitor.getByRole("searchbox", { name: "Search courses" }).fill(word);
  await visitor.getByRole("button", { name: "Search", exact: true }).click();
  await expect(visitor).toHaveURL(new RegExp(`q=${word}`));
  const results = visitor.getByRole("main");
  await expect(results.getByRole("link", { name: new RegExp(title) }).first()).toBeVisible();
  await expect(results.locator("mark", { hasText: word }).first()).toBeVisible();

  const filtersButton = visitor.getByRole("button", { name: /^Filters/ });
  if (await filtersButton.isVisible()) {
    await filtersButton.click();
    await visitor.getByRole("dialog").getByRole("group", { name: "Level" }).getByLabel("Advanced").check();
    await visitor.getByRole("dialog").getByRole("button", { name: "Show results" }).click();
  } else {
    await visitor.getByRole("group", { name: "Level" }).getByLabel("Advanced").check();
  }
  await expect(visitor).toHaveURL(/level=advanced/);
  await expect(results.getByRole("link", { name: new RegExp(title) }).first()).toBeVisible();

  await results.getByRole("link", { name: new RegExp(title) }).first().click();
  await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await visitor.getByRole("link", { name: "Microphones and wind" }).first().click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Microphones and wind" })).toBeVisible();
  // A lesson that is not a free preview stays closed to a visitor.
  const slug = new URL(visitor.url()).pathname.split("/")[2];
  const landing = await (await visitor.request.get(`/api/catalog/courses/${slug}`)).json();
  const closed = landing.sections[0].lessons.find((l: { title: string }) => l.title === "Choosing a recorder");
  const locked = await visitor.request.get(`/api/catalog/courses/${slug}/lessons/${closed.id}`);
  expect(locked.status()).toBe(403);

  await Promise.all([teacher.context().close(), admin.context().close(), visitorContext.close()]);
});
