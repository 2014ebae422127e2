import { readFile } from "node:fs/promises";
import { expect, test, type APIResponse, type Browser, type Locator, type Page, type TestInfo } from "@playwright/test";
import { ADMIN, INSTRUCTOR, createVerifiedUser, signInByApi } from "./support/accounts";
import { essayPdf, putInOrder } from "./support/assessments";
import { waitForMail } from "./support/outbox";

function origin(testInfo: TestInfo) {
  return { Origin: new URL(testInfo.project.use.baseURL ?? "http://localhost:3100").origin };
}

type CourseJson = { id: string; slug: string; sections: { id: string; lessons: { id: string; title: string }[] }[] };

async function ok<T = CourseJson>(response: APIResponse): Promise<T> {
  expect(response.ok(), await response.text()).toBeTruthy();
  return (await response.json()) as T;
}

async function signedInPage(browser: Browser, testInfo: TestInfo, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext(testInfo.project.use);
  const page = await context.newPage();
  await signInByApi(page, testInfo, who);
  return page;
}

/** A published free course whose last section holds a quiz and an assignment, made through the
 * API (building courses has its own spec). */
async function publishedCourse(teacher: Page, admin: Page, testInfo: TestInfo, title: string) {
  const headers = origin(testInfo);
  const course = await ok(await teacher.request.post("/api/studio/courses", { headers, data: { title } }));
  await ok(await teacher.request.patch(`/api/studio/courses/${course.id}`, { headers, data: { description: "Light, scattering and the planets, with a quiz and an essay." } }));
  const withSection = await ok(await teacher.request.post(`/api/studio/courses/${course.id}/sections`, { headers, data: { title: "Check your knowledge" } }));
  const section = withSection.sections[0]!.id;
  await ok(await teacher.request.post(`/api/studio/sections/${section}/lessons`, { headers, data: { title: "Planets quiz", kind: "quiz" } }));
  const full = await ok(await teacher.request.post(`/api/studio/sections/${section}/lessons`, { headers, data: { title: "Sky essay", kind: "assignment" } }));
  await ok(await teacher.request.post(`/api/studio/courses/${course.id}/submit`, { headers }));
  await ok(await admin.request.post(`/api/admin/courses/${course.id}/approve`, { headers }));
  const [quiz, assignment] = full.sections[0]!.lessons;
  return { id: course.id, slug: full.slug, quiz: quiz!.id, assignment: assignment!.id };
}

/** Adds one question through the builder's form. */
async function addQuestion(page: Page, kind: string, fill: (editor: Locator) => Promise<void>) {
  await page.getByLabel("Kind of question to add").selectOption(kind);
  await page.getByTestId("add-question").click();
  const editor = page.getByTestId("question-editor");
  await expect(editor).toBeVisible();
  await fill(editor);
  await editor.getByTestId("save-question").click();
  await expect(editor).toBeHidden();
}

test("an instructor builds a timed quiz of every kind and a rubric; a student takes it with a reload, hands in a PDF, and sees the grades; the gradebook exports", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one long flow, on the desktop");
  test.setTimeout(300_000);
  const teacher = await signedInPage(browser, testInfo, INSTRUCTOR);
  const admin = await signedInPage(browser, testInfo, ADMIN);
  const course = await publishedCourse(teacher, admin, testInfo, `Skies ${Date.now().toString(36)}`);

  // --- the instructor builds the quiz in the studio ------------------------------------------
  await teacher.goto(`/studio/courses/${course.id}`);
  await teacher.getByRole("tab", { name: "Curriculum" }).click();
  await teacher.getByRole("button", { name: "Planets quiz", exact: true }).click();
  await teacher.getByRole("link", { name: "Build the quiz" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Planets quiz" })).toBeVisible();

  await addQuestion(teacher, "single_choice", async (editor) => {
    await editor.getByLabel("Question", { exact: true }).fill("Which planet is the **largest**?");
    await editor.getByLabel("Option 1", { exact: true }).fill("Jupiter");
    await editor.getByLabel("Feedback for option 1").fill("Yes: eleven Earths across.");
    await editor.getByLabel("Option 2", { exact: true }).fill("Mars");
    await editor.getByLabel("Feedback for option 2").fill("Mars is half the size of Earth.");
    await editor.getByLabel("Option 3", { exact: true }).fill("Venus");
    await editor.getByLabel("Option 1 is the right answer").check();
  });
  await addQuestion(teacher, "multiple_choice", async (editor) => {
    await editor.getByLabel("Question", { exact: true }).fill("Which numbers are prime?");
    await editor.getByLabel("Points", { exact: true }).fill("2");
    await editor.getByLabel("Option 1", { exact: true }).fill("2");
    await editor.getByLabel("Option 2", { exact: true }).fill("3");
    await editor.getByLabel("Option 3", { exact: true }).fill("4");
    await editor.getByLabel("Option 2 is right").check();
  });
  await addQuestion(teacher, "true_false", async (editor) => {
    await editor.getByLabel("Question", { exact: true }).fill("The Sun is a star.");
    await editor.getByRole("radio", { name: "True" }).check();
    await editor.getByLabel("Feedback for a right answer").fill("Right: a yellow dwarf.");
  });
  await addQuestion(teacher, "short_text", async (editor) => {
    await editor.getByLabel("Question", { exact: true }).fill("What did the Romans call Paris?");
    await editor.getByLabel("Accepted answers, one per line").fill("Lutetia\nLutetia Parisiorum");
  });
  await addQuestion(teacher, "numeric", async (editor) => {
    await editor.getByLabel("Question", { exact: true }).fill("Pi, to two decimals?");
    await editor.getByLabel("Right answer", { exact: true }).fill("3.14");
    await editor.getByLabel("Tolerance (±)").fill("0.005");
  });
  await addQuestion(teacher, "ordering", async (editor) => {
    await editor.getByLabel("Question", { exact: true }).fill("Put them smallest first.");
    await editor.getByLabel("Item 1", { exact: true }).fill("Atom");
    await editor.getByLabel("Item 2", { exact: true }).fill("Cell");
    await editor.getByLabel("Item 3", { exact: true }).fill("Planet");
  });
  await addQuestion(teacher, "essay", async (editor) => {
    await editor.getByLabel("Question", { exact: true }).fill("Why is the sky blue?");
    await editor.getByLabel("Points", { exact: true }).fill("4");
    await editor.getByLabel("Notes for graders").fill("Rayleigh scattering; shorter wavelengths scatter more.");
  });
  await expect(teacher.getByTestId("question-row")).toHaveCount(7);
  // The fix for the multiple-choice question: 2 is prime too.
  await teacher.getByRole("button", { name: "Edit question 2" }).click();
  await teacher.getByTestId("question-editor").getByLabel("Option 1 is right").check();
  await teacher.getByTestId("save-question").click();
  await expect(teacher.getByTestId("question-editor")).toBeHidden();

  await teacher.getByLabel("Time limit (minutes)").fill("10");
  await teacher.getByLabel("Attempts allowed").fill("2");
  await teacher.getByTestId("save-quiz-settings").click();
  await expect(teacher.getByText("Quiz settings saved.")).toBeVisible();
  await expect(teacher.getByTestId("quiz-summary")).toContainText("Each attempt asks 7 questions worth 11 points");

  // --- and the assignment's rubric ------------------------------------------------------------
  await teacher.goto(`/studio/courses/${course.id}/assignments/${course.assignment}`);
  await teacher.getByTestId("add-criterion").click();
  await teacher.getByLabel("Criterion 1 title").fill("Explanation");
  await teacher.getByTestId("add-criterion").click();
  await teacher.getByLabel("Criterion 2 title").fill("Sources");
  await teacher.getByTestId("save-assignment").click();
  await expect(teacher.getByText("Assignment saved.")).toBeVisible();
  await expect(teacher.getByText(/20 points in all/)).toBeVisible();

  // --- a student takes the quiz, with a reload half way ---------------------------------------
  const learner = await createVerifiedUser(admin.request, testInfo, "quizzer");
  const student = await signedInPage(browser, testInfo, learner);
  await ok(await student.request.post(`/api/courses/${course.id}/enrollment`, { headers: origin(testInfo) }));
  await student.goto(`/courses/${course.slug}/lessons/${course.quiz}`);
  const panel = student.getByTestId("quiz-panel");
  await expect(panel).toContainText("10 minutes");
  await expect(panel).toContainText("2 of 2 left");
  await panel.getByTestId("start-quiz").click();
  const attempt = student.getByTestId("quiz-attempt");
  await expect(student.getByTestId("quiz-timer")).toBeVisible();
  const questions = attempt.getByTestId("quiz-question");
  await expect(questions).toHaveCount(7);
  await questions.nth(0).getByRole("radio", { name: "Mars" }).check();
  await questions.nth(1).getByRole("checkbox", { name: "2", exact: true }).check();
  await questions.nth(1).getByRole("checkbox", { name: "3", exact: true }).check();
  await questions.nth(2).getByRole("radio", { name: "True" }).check();
  await questions.nth(3).getByRole("textbox").fill("  lutetia ");
  await expect(student.getByTestId("quiz-save-status")).toHaveText(/All answers saved/);

  const timeBefore = await student.getByTestId("quiz-timer").innerText();
  await student.reload();
  // The attempt in progress opens by itself, with every saved answer and the same clock.
  await expect(questions).toHaveCount(7);
  await expect(questions.nth(0).getByRole("radio", { name: "Mars" })).toBeChecked();
  await expect(questions.nth(1).getByRole("checkbox", { name: "3", exact: true })).toBeChecked();
  await expect(questions.nth(3).getByRole("textbox")).toHaveValue("  lutetia ");
  expect((await student.getByTestId("quiz-timer").innerText()) <= timeBefore).toBeTruthy();

  await questions.nth(4).getByRole("textbox").fill("3.14");
  await putInOrder(questions.nth(5), ["Atom", "Cell", "Planet"]);
  await questions.nth(6).getByRole("textbox").fill("Blue light is scattered more than red by the air.");
  await expect(student.getByTestId("quiz-save-status")).toHaveText(/All answers saved/);
  await attempt.getByTestId("hand-in").click();

  const result = student.getByTestId("quiz-result");
  await expect(result).toBeVisible();
  // Mars was wrong: 0 of 1; everything else right: 6 of 7 from the questions graded at once.
  await expect(student.getByTestId("quiz-score-so-far")).toContainText("6 of 7 points");
  const first = result.getByTestId("result-question").nth(0);
  await expect(first).toContainText("0 of 1 point");
  await expect(first).toContainText("Mars is half the size of Earth.");
  await expect(first.getByText("Right answer")).toBeVisible();
  await expect(result.getByTestId("result-question").nth(3)).toContainText("1 of 1 point");
  await expect(result.getByTestId("result-question").nth(6)).toContainText("Waiting for grading");

  // --- and hands in the assignment with a PDF -------------------------------------------------
  await student.goto(`/courses/${course.slug}/lessons/${course.assignment}`);
  const work = student.getByTestId("assignment-panel");
  await work.getByText("How this is graded").click();
  await expect(work.getByRole("table")).toContainText("Explanation");
  await work.getByLabel("Files to hand in").setInputFiles({ name: "sky-essay.pdf", mimeType: "application/pdf", buffer: essayPdf() });
  await expect(work.getByTestId("pending-file")).toContainText("sky-essay.pdf");
  await work.getByLabel("Text (Markdown works)").fill("My essay is attached.");
  await work.getByTestId("hand-in-assignment").click();
  await expect(work.getByTestId("submission")).toHaveCount(1);
  await expect(work.getByTestId("submission").first()).toContainText("sky-essay.pdf");

  // --- the instructor grades: the essay answer, then the assignment by its rubric --------------
  await teacher.goto(`/studio/courses/${course.id}#grading`);
  const queue = teacher.getByTestId("grading-queue");
  await expect(queue.getByTestId("queue-item")).toHaveCount(2);
  await queue.getByRole("link", { name: new RegExp(`Planets quiz`) }).click();
  const essay = teacher.getByTestId("reviewed-answer").nth(6);
  await essay.getByLabel("Points (of 4)").fill("3");
  await essay.getByLabel("Comment for the student").fill("Mention the wavelengths.");
  await essay.getByRole("button", { name: "Save grade" }).click();
  await expect(teacher.getByTestId("attempt-summary")).toContainText("9 / 11");
  await teacher.getByTestId("release-attempt").click();
  await expect(teacher.getByTestId("attempt-summary")).toContainText("Released");

  await teacher.goto(`/studio/courses/${course.id}#grading`);
  await teacher.getByTestId("grading-queue").getByRole("link", { name: /Sky essay/ }).click();
  await expect(teacher.getByRole("link", { name: /sky-essay\.pdf/ })).toBeVisible();
  const rubric = teacher.getByTestId("rubric-choice");
  await rubric.nth(0).getByRole("radio", { name: "Excellent" }).check();
  await rubric.nth(1).getByRole("radio", { name: "Good" }).check();
  await expect(teacher.getByTestId("grade-total")).toContainText("15 / 20");
  await teacher.getByLabel("Comment for the student").fill("Clear and well argued. Cite one more source.");
  const released = Date.now();
  await teacher.getByTestId("grade-and-release").click();
  await expect(teacher.getByText(/Released .*Saving a change/)).toBeVisible();

  // --- the student sees both grades, told by mail and on the page -----------------------------
  const mail = await waitForMail(learner.email, { since: released - 5000, subject: /grade for Sky essay/ });
  expect(mail.body).toContain("15 of 20 points");
  await student.goto("/learning");
  await expect(student.getByTestId("new-grades")).toContainText("Sky essay");
  await student.goto(`/courses/${course.slug}/lessons/${course.assignment}`);
  const grade = student.getByTestId("assignment-grade");
  await expect(grade).toContainText("15 / 20");
  await expect(grade).toContainText("Explanation: Excellent");
  await expect(grade).toContainText("Cite one more source.");
  await student.goto(`/courses/${course.slug}/lessons/${course.quiz}`);
  await expect(student.getByTestId("quiz-grade")).toContainText("9 / 11");

  // --- the instructor exports the gradebook ---------------------------------------------------
  await teacher.goto(`/studio/courses/${course.id}#grading`);
  await teacher.getByRole("tab", { name: "Gradebook" }).click();
  const row = teacher.getByTestId("gradebook-row").filter({ hasText: learner.email });
  await expect(row).toContainText("24 / 31");
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByTestId("export-gradebook").click()]);
  expect(download.suggestedFilename()).toBe(`${course.slug}-gradebook.csv`);
  const csv = await readFile(await download.path());
  const text = csv.toString("utf8");
  expect(text).toContain("Planets quiz (11),Sky essay (20)");
  expect(text).toContain(`${learner.email},9,15,24,31,77`);
});
