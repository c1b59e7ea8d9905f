// The security headers and policy every response of the site carries, shared by the specs that
// check them as `next start` serves them and as they reach readers through nginx.
import { expect, type APIResponse } from "@playwright/test";
import { parseCsp } from "@/lib/security/csp";

/** The headers next.config.js and proxy.ts set, each of which must arrive exactly once. */
export const SITE_HEADERS = [
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "cross-origin-opener-policy",
  "permissions-policy",
] as const;

export function expectSiteHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  const permissions = headers["permissions-policy"]?.split(/,\s*/) ?? [];
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"]) {
    expect(permissions).toContain(`${feature}=()`);
  }
  // The test server is http://localhost: HSTS there would send the browser to an https it cannot reach.
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Each once: a proxy that added its own copy would leave the browser two policies to combine.
  const names = response.headersArray().map((h) => h.name.toLowerCase());
  for (const name of [...SITE_HEADERS, "content-security-policy"]) {
    expect(names.filter((n) => n === name).length, `${response.url()}: ${name} at most once`).toBeLessThanOrEqual(1);
  }
  for (const name of SITE_HEADERS) expect(names, `${response.url()}: ${name}`).toContain(name);
}

/** Checks the policy's directives and returns script-src's nonce (or undefined) and hashes. */
export function expectPolicy(response: APIResponse, kind: "nonce" | "hashes") {
  const header = response.headers()["content-security-policy"];
  expect(header, `${response.url()} has a Content-Security-Policy`).toBeTruthy();
  const csp = parseCsp(header!);
  const scriptSrc = csp.get("script-src") ?? [];
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(scriptSrc[0]).toBe("'self'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  expect(csp.get("font-src")).toEqual(["'self'"]);
  expect(csp.get("connect-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  // 'self', and the sign-in pages of configured OAuth providers (here, the local stand-in for Google).
  const [self, ...providers] = csp.get("form-action") ?? [];
  expect(self).toBe("'self'");
  for (const origin of providers)
    expect(origin).toMatch(/^https?:\/\/((?:127\.0\.0\.1|localhost):\d+|accounts\.google\.com|github\.com)$/);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  // Only when the site is served over https.
  expect(csp.has("upgrade-insecure-requests")).toBe(false);

  const nonces = scriptSrc.filter((s) => s.startsWith("'nonce-")).map((s) => s.slice(7, -1));
  const hashes = scriptSrc.filter((s) => s.startsWith("'sha256-")).map((s) => s.slice(8, -1));
  if (kind === "nonce") {
    expect(nonces).toHaveLength(1);
  } else {
    expect(nonces).toEqual([]);
    expect(hashes.length).toBeGreaterThan(0);
  }
  return { nonce: nonces[0], hashes };
}

/** The session cookie's flags as Auth.js sets them on plain http://localhost. */
export function expectSessionCookie(
  cookie: { name: string; httpOnly: boolean; sameSite: string; secure: boolean; path: string } | undefined,
) {
  expect(cookie, "a session cookie after sign-up").toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(cookie!.path).toBe("/");
  // http://localhost: no Secure flag here. With an https AUTH_URL, Auth.js sets Secure and
  // names the cookie __Secure-authjs.session-token by itself.
  expect(cookie!.secure).toBe(false);
  expect(cookie!.name).toBe("authjs.session-token");
}
