import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  collectScriptHashes,
  inlineScriptHashes,
  readScriptHashes,
  scriptHash,
  writeScriptHashes,
} from "@/lib/security/script-hashes";

const THEME = "(()=>{document.documentElement.classList.add('dark')})()";
const page = (...scripts: string[]) => `<!DOCTYPE html><html><head></head><body>${scripts.join("")}</body></html>`;

describe("scriptHash", () => {
  it("is the base64 SHA-256 a browser compares against 'sha256-…'", () => {
    // The example in the CSP specification and on MDN.
    expect(scriptHash("alert('Hello, world.');")).toBe("qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=");
  });

  it("hashes line ends as the HTML parser leaves them (LF)", () => {
    expect(scriptHash("a();\r\nb();\rc();")).toBe(scriptHash("a();\nb();\nc();"));
  });
});

describe("inlineScriptHashes", () => {
  it("hashes the inline scripts a browser runs, in order, once each", () => {
    const html = page(
      `<script>${THEME}</script>`,
      `<script id="_R_" async="">one()</script>`,
      `<script type="module">two()</script>`,
      `<script type='text/javascript'>three()</script>`,
      `<SCRIPT>${THEME}</SCRIPT >`,
    );
    expect(inlineScriptHashes(html)).toEqual([THEME, "one()", "two()", "three()"].map(scriptHash));
  });

  it("leaves out external scripts (allowed by 'self') and data blocks (never run)", () => {
    const html = page(
      `<script src="/_next/static/chunks/a.js" async=""></script>`,
      `<script async src=/b.js></script>`,
      `<script type="application/ld+json">{"@type":"Article"}</script>`,
      `<script type="application/json">{}</script>`,
      `<script data-src="x">kept()</script>`,
    );
    expect(inlineScriptHashes(html)).toEqual([scriptHash("kept()")]);
  });
});

describe("the hashes of a build", () => {
  const distDir = mkdtempSync(path.join(tmpdir(), "mend-csp-build-"));
  afterAll(() => rmSync(distDir, { recursive: true, force: true }));

  const routes = ["/", "/guides/a", "/_not-found", "/_global-error", "/feed.xml"];
  const files: Record<string, string> = {
    "index.html": page(`<script>${THEME}</script>`, `<script>home()</script>`),
    "guides/a.html": page(`<script>${THEME}</script>`, `<script>guide()</script>`, `<script src="/c.js"></script>`),
    "_not-found.html": page(`<script>${THEME}</script>`, `<script>missing()</script>`),
    "_global-error.html": page(`<script>broken()</script>`),
    // A prerendered route handler: a body, no HTML.
    "feed.xml.body": "<feed/>",
  };
  writeFileSync(path.join(distDir, "BUILD_ID"), "build-1\n");
  writeFileSync(
    path.join(distDir, "prerender-manifest.json"),
    JSON.stringify({ routes: Object.fromEntries(routes.map((r) => [r, {}])) }),
  );
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(distDir, "server", "app", name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  it("lists each prerendered page by path, and what every ordinary page shares, apart from the 404 and error pages", () => {
    const hashes = collectScriptHashes(distDir);
    expect(hashes.buildId).toBe("build-1");
    expect(hashes.pages).toEqual({
      "/": [scriptHash(THEME), scriptHash("home()")],
      "/guides/a": [scriptHash(THEME), scriptHash("guide()")],
      "/_not-found": [scriptHash(THEME), scriptHash("missing()")],
      "/_global-error": [scriptHash("broken()")],
    });
    expect(hashes.shared).toEqual([scriptHash(THEME)]);
    expect(hashes.fallback.sort()).toEqual([THEME, "missing()", "broken()"].map(scriptHash).sort());
  });

  it("are read back for the same build only", () => {
    expect(readScriptHashes(distDir)).toBeNull();
    const written = writeScriptHashes(distDir);
    expect(readScriptHashes(distDir)).toEqual(written);
    writeFileSync(path.join(distDir, "BUILD_ID"), "build-2\n");
    expect(readScriptHashes(distDir)).toBeNull();
  });
});
