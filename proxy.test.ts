import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseCsp } from "@/lib/security/csp";
import { scriptHash, writeScriptHashes } from "@/lib/security/script-hashes";

const distDir = mkdtempSync(path.join(tmpdir(), "mend-proxy-build-"));
const THEME = "theme()";

beforeAll(() => {
  writeFileSync(path.join(distDir, "BUILD_ID"), "build-1");
  writeFileSync(
    path.join(distDir, "prerender-manifest.json"),
    JSON.stringify({ routes: { "/": {}, "/guides/a": {}, "/_not-found": {} } }),
  );
  mkdirSync(path.join(distDir, "server", "app", "guides"), { recursive: true });
  writeFileSync(path.join(distDir, "server", "app", "index.html"), `<script>${THEME}</script><script>home()</script>`);
  writeFileSync(
    path.join(distDir, "server", "app", "guides", "a.html"),
    `<script>${THEME}</script><script>a()</script>`,
  );
  writeFileSync(
    path.join(distDir, "server", "app", "_not-found.html"),
    `<script>${THEME}</script><script>nf()</script>`,
  );
  writeScriptHashes(distDir);
});
afterAll(() => rmSync(distDir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

async function loadProxy(env: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv("MEND_DIST_DIR", distDir);
  vi.stubEnv("NODE_ENV", "production");
  vi.stubEnv("AUTH_URL", "http://localhost:3000");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import("@/proxy")).proxy;
}

const request = (pathname: string, method = "GET") => new NextRequest(`http://localhost:3000${pathname}`, { method });
const scriptSrc = (response: Response) =>
  parseCsp(response.headers.get("content-security-policy") ?? "").get("script-src") ?? [];

describe("proxy", () => {
  it("answers a prerendered page with its own hashes and no nonce, leaving the request alone", async () => {
    const proxy = await loadProxy();
    for (const pathname of ["/guides/a", "/guides/a/"]) {
      const response = proxy(request(pathname));
      expect(scriptSrc(response)).toEqual(["'self'", `'sha256-${scriptHash(THEME)}'`, `'sha256-${scriptHash("a()")}'`]);
      expect(response.headers.get("x-middleware-request-content-security-policy")).toBeNull();
    }
  });

  it("gives any other page a fresh nonce, and hands Next the same policy on the request", async () => {
    const proxy = await loadProxy();
    const first = proxy(request("/account"));
    const second = proxy(request("/account"));
    const nonces = [first, second].map((r) => scriptSrc(r).find((s) => s.startsWith("'nonce-")));
    expect(nonces[0]).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(nonces[1]).not.toBe(nonces[0]);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(
      first.headers.get("content-security-policy"),
    );
    // The theme script (on every page) and the built 404 page, which Next may answer any path with.
    expect(scriptSrc(first)).toEqual(
      expect.arrayContaining([`'sha256-${scriptHash(THEME)}'`, `'sha256-${scriptHash("nf()")}'`]),
    );
    expect(scriptSrc(first)).not.toContain(`'sha256-${scriptHash("a()")}'`);
  });

  it("refuses a body sent to a page before Next reads it: the site has no server actions", async () => {
    const proxy = await loadProxy();
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const refused = proxy(request("/guides/a", method));
      expect(refused.status).toBe(405);
      expect(refused.headers.get("allow")).toBe("GET, HEAD");
      expect(await refused.text()).toBe("This page only answers GET.");
    }
    const large = proxy(
      new NextRequest("http://localhost:3000/account", { method: "POST", headers: { "content-length": "40000" } }),
    );
    expect(large.status).toBe(413);
    // Route handlers answer for themselves; a page is still served to GET and HEAD.
    expect(proxy(request("/api/comments", "POST")).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(request("/guides/a", "HEAD")).headers.get("x-middleware-next")).toBe("1");
  });

  it("answers a path whose %-escapes are not UTF-8 with a 400, in JSON under /api", async () => {
    const proxy = await loadProxy();
    const page = proxy(request("/guides/%E0%A4%A"));
    expect(page.status).toBe(400);
    expect(await page.text()).toBe("That address is not valid.");
    const api = proxy(request("/api/reflections/%E0%A4%A"));
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: "That address is not valid." });
  });

  it("sends HSTS and upgrades requests only when the production site's address is https", async () => {
    const local = (await loadProxy())(request("/account"));
    expect(local.headers.get("strict-transport-security")).toBeNull();
    expect(parseCsp(local.headers.get("content-security-policy")!).has("upgrade-insecure-requests")).toBe(false);

    const deployed = (await loadProxy({ AUTH_URL: "https://mend.example" }))(request("/guides/a"));
    expect(deployed.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains; preload");
    expect(parseCsp(deployed.headers.get("content-security-policy")!).has("upgrade-insecure-requests")).toBe(true);
  });

  it("lets forms go to the configured OAuth providers", async () => {
    const proxy = await loadProxy({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret" });
    const csp = parseCsp(proxy(request("/sign-in")).headers.get("content-security-policy")!);
    expect(csp.get("form-action")).toEqual(["'self'", "https://github.com"]);
  });

  it("only reports in next dev, where nothing is hashed, and allows eval there", async () => {
    const response = (await loadProxy({ NODE_ENV: "development" }))(request("/guides/a"));
    expect(response.headers.get("content-security-policy")).toBeNull();
    const policy = parseCsp(response.headers.get("content-security-policy-report-only")!);
    expect(policy.get("script-src")).toEqual(expect.arrayContaining(["'unsafe-eval'"]));
    expect(policy.get("script-src")!.some((s) => s.startsWith("'nonce-"))).toBe(true);
  });
});
