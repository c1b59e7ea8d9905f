// End-to-end tests in a real Chromium against a production build (next build + next start).
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium was not found at ${chromium}. Install it with \`apt-get install -y chromium\`, ` +
      `or set CHROMIUM_PATH to a Chromium or Chrome executable.`,
  );
}

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI
    ? [["list"], ["html", { open: "never" }], ["json", { outputFile: "reports/playwright.json" }]]
    : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      // This machine has no network beyond loopback: keep Chromium from trying.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: /multi-instance\.spec\.ts/,
    },
    {
      // Starts a deployment of its own on the build the web server made: two instances behind nginx.
      name: "multi-instance",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: /multi-instance\.spec\.ts/,
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    env: { PORT: String(port) },
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
  },
});
