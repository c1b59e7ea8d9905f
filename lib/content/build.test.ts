// A guide with bad frontmatter must stop `next build`, naming the file and the field.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";

const exec = promisify(execFile);
const content = mkdtempSync(path.join(tmpdir(), "mend-broken-content-"));
const distDir = `.next-broken-content-${process.pid}`;
// next build adds its output folder's types to tsconfig.json; put the file back as it was.
const tsconfig = readFileSync("tsconfig.json", "utf8");

afterAll(() => {
  writeFileSync("tsconfig.json", tsconfig);
  rmSync(content, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
});

it("fails the build with the file name and the field when a guide's frontmatter is wrong", async () => {
  cpSync(path.join("content", "articles"), content, { recursive: true });
  const file = path.join(content, "03-the-apology-that-lands.mdx");
  writeFileSync(file, readFileSync(file, "utf8").replace("published: 2026-10-12", "published: last tuesday"));

  const build = exec(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    env: { ...process.env, NODE_ENV: "production", MEND_CONTENT_DIR: content, MEND_DIST_DIR: distDir },
    maxBuffer: 20 * 1024 * 1024,
  });
  const failure = await build.then(
    () => null,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failure, "the build should fail").not.toBeNull();
  expect(failure!.code).not.toBe(0);
  const output = failure!.stdout + failure!.stderr;
  expect(output).toContain("content/articles/03-the-apology-that-lands.mdx: invalid guide");
  expect(output).toContain("- published: must be a date, YYYY-MM-DD");
}, 180_000);
