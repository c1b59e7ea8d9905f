// The site's pages and route handlers, read from app/ so a suite that must cover "every page"
// or "every route" notices a new one. Route groups "(name)" are dropped from the URL; dynamic
// segments stay as "[name]" for the suite to fill in.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const APP = path.resolve("app");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function urlOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

/** Every page's URL pattern, e.g. "/journey/entries/[id]". */
export function appPages(): string[] {
  return walk(APP)
    .filter((f) => path.basename(f) === "page.tsx")
    .map(urlOf)
    .sort();
}

export interface RouteHandler {
  /** URL pattern, e.g. "/api/reflections/[id]". */
  path: string;
  /** The HTTP methods the file exports. */
  methods: string[];
}

/** Every route handler with the methods it exports. */
export function appRoutes(): RouteHandler[] {
  return walk(APP)
    .filter((f) => path.basename(f) === "route.ts")
    .map((file) => {
      const source = readFileSync(file, "utf8");
      const methods = [
        ...source.matchAll(
          /export\s+(?:async\s+function|const|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
        ),
        ...[...source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g)].flatMap((m) =>
          [...m[1]!.matchAll(/\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((x) => x),
        ),
      ].map((m) => m[1]!);
      return { path: urlOf(file), methods: [...new Set(methods)].sort() };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
