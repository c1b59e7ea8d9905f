// Tells whether the production build in .next is older than the sources.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "content", "lib", "public", "prisma"];
const SOURCE_FILES = [
  "next.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  "proxy.ts",
  "auth.ts",
  "instrumentation.ts",
  "mdx-components.tsx",
];
// Generated output follows from prisma/schema.prisma, which is watched itself.
const IGNORED = new Set(["generated", "node_modules", ".next"]);

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function newestSourceTime(root = process.cwd()): number {
  let newest = 0;
  for (const dir of SOURCE_DIRS) {
    const full = path.join(root, dir);
    if (existsSync(full)) newest = Math.max(newest, newestIn(full));
  }
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or null when .next is up to date. */
export function buildNeeded(root = process.cwd()): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "there is no production build yet";
  if (statSync(buildId).mtimeMs < newestSourceTime(root)) return "the sources changed since the last build";
  return null;
}
