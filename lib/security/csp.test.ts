import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { buildCsp, createNonce, parseCsp } from "@/lib/security/csp";

const HASH_A = "qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=";
const HASH_B = "n46vPwSWuMC0W703pBofImv82Z26xo4LXymv0E9caPk=";

describe("buildCsp", () => {
  it("allows a prerendered page's inline scripts by hash alone, never 'unsafe-inline'", () => {
    const csp = parseCsp(buildCsp({ scriptHashes: [HASH_A, HASH_B] }));
    expect(csp.get("script-src")).toEqual(["'self'", `'sha256-${HASH_A}'`, `'sha256-${HASH_B}'`]);
  });

  it("allows a per-request page's scripts by nonce, plus the hashes of scripts that carry none", () => {
    const csp = parseCsp(buildCsp({ nonce: "bm9uY2Ugbm9uY2Ugbm9uY2U=", scriptHashes: [HASH_B] }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2Ugbm9uY2Ugbm9uY2U='", `'sha256-${HASH_B}'`]);
  });

  it("writes every directive of the site's policy", () => {
    expect(buildCsp({ scriptHashes: [HASH_A] })).toBe(
      "default-src 'self'; " +
        `script-src 'self' 'sha256-${HASH_A}'; ` +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'",
    );
  });

  it("never lets 'unsafe-inline' into script-src, and keeps style-src free of a nonce that would void it", () => {
    for (const options of [{}, { nonce: createNonce() }, { scriptHashes: [HASH_A] }, { development: true }]) {
      const csp = parseCsp(buildCsp(options));
      expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
      expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    }
  });

  it("upgrades insecure requests only when asked (served over HTTPS)", () => {
    expect(parseCsp(buildCsp()).has("upgrade-insecure-requests")).toBe(false);
    expect(parseCsp(buildCsp({ upgradeInsecureRequests: true })).get("upgrade-insecure-requests")).toEqual([]);
  });

  it("allows eval only for next dev", () => {
    expect(parseCsp(buildCsp()).get("script-src")).not.toContain("'unsafe-eval'");
    expect(parseCsp(buildCsp({ development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("lets forms go to the OAuth providers' origins, once each", () => {
    const csp = parseCsp(
      buildCsp({ formActionOrigins: ["https://github.com", "https://accounts.google.com", "https://github.com"] }),
    );
    expect(csp.get("form-action")).toEqual(["'self'", "https://github.com", "https://accounts.google.com"]);
  });

  it("lists a hash once however often the pages repeat it", () => {
    expect(parseCsp(buildCsp({ scriptHashes: [HASH_A, HASH_A] })).get("script-src")).toEqual([
      "'self'",
      `'sha256-${HASH_A}'`,
    ]);
  });

  it("refuses a nonce or hash that could smuggle in other sources", () => {
    expect(() => buildCsp({ nonce: "abc' 'unsafe-inline" })).toThrow(/not a CSP nonce/);
    expect(() => buildCsp({ nonce: "abc; script-src *" })).toThrow(/not a CSP nonce/);
    expect(() => buildCsp({ scriptHashes: ["short"] })).toThrow(/not a base64 SHA-256/);
    expect(() => buildCsp({ scriptHashes: [`${HASH_A}' 'unsafe-inline`] })).toThrow(/not a base64 SHA-256/);
  });
});

describe("createNonce", () => {
  it("is 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("is read back by Next from the request's policy, which is how it reaches Next's own scripts", () => {
    const nonce = createNonce();
    expect(getScriptNonceFromHeader(buildCsp({ nonce, scriptHashes: [HASH_A] }))).toBe(nonce);
  });
});

describe("parseCsp", () => {
  it("reads directives case-insensitively, keeping the first of a repeated one as browsers do", () => {
    const csp = parseCsp("Script-Src 'self';  img-src data: ; script-src *;");
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["data:"]);
  });
});
