// SHA-256 digests of the inline scripts in the prerendered pages of a build.
// Prerendered HTML is written once at build time, so it cannot carry a
// per-request nonce; its inline scripts are allowed by their exact text
// instead. Written by scripts/csp-hashes.ts after `next build`, read by proxy.ts.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SCRIPT_HASHES_FILE = "csp-hashes.json";

export interface ScriptHashes {
  /** The build these were taken from; another build's hashes are of no use. */
  buildId: string;
  /** Each prerendered page's path → the digests of its inline scripts. */
  pages: Record<string, string[]>;
  /**
   * Inline scripts identical on every page of the root layout (the theme script), which dynamic
   * pages carry too, without a nonce. With a single prerendered page this is all of its scripts:
   * more than needed, yet still only this build's own code.
   */
  shared: string[];
  /** Scripts of the built 404 and global-error pages, which Next may serve for any path. */
  fallback: string[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC = /(?:^|\s)src\s*=/i;
const TYPE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
// Types a browser executes; anything else (application/ld+json, application/json) is data, outside CSP.
const EXECUTABLE = /^(?:|module|(?:text|application)\/(?:x-)?(?:javascript|ecmascript)|text\/jscript)$/i;

function isExecutable(attributes: string): boolean {
  if (SRC.test(attributes)) return false; // external: allowed by 'self', not by a hash
  const type = TYPE.exec(attributes);
  const value = type ? (type[1] ?? type[2] ?? type[3] ?? "") : "";
  return EXECUTABLE.test(value.trim());
}

/** Base64 SHA-256 of a script's text as the browser hashes it. */
export function scriptHash(text: string): string {
  // The HTML parser turns CRLF and CR into LF before the script element gets its text.
  return createHash("sha256").update(text.replace(/\r\n?/g, "\n"), "utf8").digest("base64");
}

/** The inline scripts a browser would run in this HTML, in page order. */
export function inlineScripts(html: string): { attributes: string; text: string }[] {
  return [...html.matchAll(SCRIPT)]
    .map(([, attributes = "", text = ""]) => ({ attributes, text }))
    .filter(({ attributes }) => isExecutable(attributes));
}

/** Digests of the inline scripts a browser would run in this HTML, in page order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  return [...new Set(inlineScripts(html).map(({ text }) => scriptHash(text)))];
}

/** The HTML file of each prerendered page in a build, by path. */
function prerenderedPages(distDir: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "prerender-manifest.json"), "utf8")) as {
    routes: Record<string, unknown>;
  };
  const pages = new Map<string, string>();
  for (const route of Object.keys(manifest.routes)) {
    // Route handlers (feed, sitemap, images) are prerendered too, as .body files: they have no HTML.
    const file = path.join(distDir, "server", "app", `${route === "/" ? "/index" : route}.html`);
    if (existsSync(file)) pages.set(route, file);
  }
  return pages;
}

const isInternal = (route: string) => route.startsWith("/_");

export function collectScriptHashes(distDir: string): ScriptHashes {
  const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
  const pages: Record<string, string[]> = {};
  const fallback = new Set<string>();
  let shared: Set<string> | undefined;
  for (const [route, file] of prerenderedPages(distDir)) {
    const hashes = inlineScriptHashes(readFileSync(file, "utf8"));
    pages[route] = hashes;
    if (isInternal(route)) {
      hashes.forEach((hash) => fallback.add(hash));
    } else {
      shared = shared ? new Set(hashes.filter((hash) => shared!.has(hash))) : new Set(hashes);
    }
  }
  return { buildId, pages, shared: [...(shared ?? [])], fallback: [...fallback] };
}

export function writeScriptHashes(distDir: string): ScriptHashes {
  const hashes = collectScriptHashes(distDir);
  writeFileSync(path.join(distDir, SCRIPT_HASHES_FILE), JSON.stringify(hashes, null, 2) + "\n");
  return hashes;
}

/** The hashes written for the build in `distDir`, or null when there are none for this build. */
export function readScriptHashes(distDir: string): ScriptHashes | null {
  try {
    const hashes = JSON.parse(readFileSync(path.join(distDir, SCRIPT_HASHES_FILE), "utf8")) as ScriptHashes;
    const buildId = readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim();
    return hashes.buildId === buildId ? hashes : null;
  } catch {
    return null;
  }
}
