import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next resolves this to an empty module on the server; so do the tests.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: [
      "*.test.ts",
      "lib/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
      "deploy/**/*.test.ts",
    ],
    globalSetup: ["lib/testing/global-setup.ts"],
    environment: "node",
    // A fixed key for code that reads reflections through the environment's keyring.
    env: { REFLECTIONS_KEY: Buffer.alloc(32, 9).toString("base64") },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file has its own database, so files run in parallel.
    fileParallelism: true,
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "reports/vitest.json" },
  },
});
