import { expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { waitForMail } from "./outbox";

export const ADMIN = { email: "admin@lectern.test", password: "lectern-admin-demo" };
export const INSTRUCTOR = { email: "instructor@lectern.test", password: "lectern-teach-demo" };
export const STUDENT = { email: "student@lectern.test", password: "lectern-learn-demo" };

/** A password the API's strength check accepts. */
export const GOOD_PASSWORD = "quiet-harbour-lantern-2048";

/** An address no other test or run uses. */
export function uniqueEmail(testInfo: TestInfo, label: string): string {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return `${label}-${testInfo.project.name}-${stamp}@example.com`;
}

/** The API's CSRF check wants the site's Origin on cookie-carrying writes; browsers send it, scripts must. */
function originHeader(baseURL: string | undefined) {
  return { Origin: new URL(baseURL ?? "http://localhost:3100").origin };
}

/** Registers and verifies an account through the API and the outbox, for tests about later steps. */
export async function createVerifiedUser(request: APIRequestContext, testInfo: TestInfo, label: string) {
  const user = { email: uniqueEmail(testInfo, label), password: GOOD_PASSWORD, displayName: `E2E ${label} ${testInfo.project.name}` };
  const headers = originHeader(testInfo.project.use.baseURL);
  const since = Date.now();
  const registered = await request.post("/api/auth/register", {
    headers,
    data: { email: user.email, password: user.password, display_name: user.displayName },
  });
  expect(registered.status(), await registered.text()).toBe(202);
  const mail = await waitForMail(user.email, { since, subject: /confirm|verify/i });
  const token = new URL(mail.link).searchParams.get("token");
  const verified = await request.post("/api/auth/verify-email", { headers, data: { token } });
  expect(verified.status(), await verified.text()).toBe(200);
  return user;
}

/** Signs the page's browser context in through the API (the UI sign-in has tests of its own). */
export async function signInByApi(page: Page, testInfo: TestInfo, credentials: { email: string; password: string }) {
  const response = await page.request.post("/api/auth/sign-in", {
    headers: originHeader(testInfo.project.use.baseURL),
    data: credentials,
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Signs in through the form, the way a person does. */
export async function signInByForm(page: Page, credentials: { email: string; password: string }) {
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password", { exact: true }).fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs out from the header: the account menu on wide screens, the menu sheet on phones. */
export async function signOutFromHeader(page: Page) {
  const openMenu = page.getByRole("button", { name: "Open menu" });
  if (await openMenu.isVisible()) {
    await openMenu.click();
    await page.getByRole("dialog").getByRole("button", { name: "Sign out" }).click();
  } else {
    await page.getByRole("button", { name: /^Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
  }
  await expect(page.getByText("You're signed out.")).toBeVisible();
}
