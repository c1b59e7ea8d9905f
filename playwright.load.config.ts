// npm run test:load: the fault suite (e2e/load), writes under load while the
// database or an app instance goes away. It starts everything it needs itself
// (databases, instances, nginx) on the production build, built first when stale.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "e2e/load",
  testMatch: /\.load\.ts$/,
  globalSetup: "./e2e/load/global-setup.ts",
  forbidOnly: !!process.env.CI,
  workers: 1,
  reporter: "list",
  timeout: 600_000,
  expect: { timeout: 30_000 },
});
