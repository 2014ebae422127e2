import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Two checkouts on one machine can run their browser tests at once on other ports.
const WEB_PORT = Number(process.env.LECTERN_E2E_WEB_PORT ?? 3100);
const API_PORT = Number(process.env.LECTERN_E2E_API_PORT ?? 8100);
const BASE_URL = `http://localhost:${WEB_PORT}`;

// One data directory per run, created once here: Playwright loads this file again in every
// worker, and the workers inherit this process's environment, so they all read the same outbox.
process.env.LECTERN_VAR_DIR ??= mkdtempSync(join(tmpdir(), "lectern-e2e-"));

const chromium = {
  launchOptions: {
    // Debian's Chromium: Playwright's own browser download is not available here.
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  },
};

export default defineConfig({
  testDir: "./e2e",
  // The screenshots for docs/ are taken on request (`make screenshots`), not on every test run.
  testIgnore: process.env.LECTERN_SCREENSHOTS ? [] : ["screenshots.spec.ts"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 1 : 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...chromium,
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, ...chromium },
    },
    {
      name: "phone",
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, ...chromium },
    },
  ],
  webServer: {
    command: "bash ../scripts/stack.sh",
    url: BASE_URL,
    // The web answers before the API is up; stack.sh says this line once both are.
    wait: { stdout: /Lectern is ready/ },
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    env: {
      LECTERN_VAR_DIR: process.env.LECTERN_VAR_DIR,
      LECTERN_API_PORT: String(API_PORT),
      WEB_PORT: String(WEB_PORT),
      LECTERN_PUBLIC_URL: BASE_URL,
      // Every spec signs the demo accounts in from one address, in both projects; the limits
      // themselves are tested in the API's suite, not here.
      LECTERN_RATE_LIMIT_SIGN_IN_ACCOUNT: "100/15minutes",
      LECTERN_RATE_LIMIT_SIGN_IN_IP: "300/minute",
    },
  },
});
