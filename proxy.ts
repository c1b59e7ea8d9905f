// Proxy (Next 16's middleware, on Node.js): the Content-Security-Policy of every page and API response, and HSTS.
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { MAX_FORM_BYTES, TOO_LARGE } from "@/lib/http/body";
import { buildCsp, createNonce } from "@/lib/security/csp";
import { oauthOrigins } from "@/lib/security/oauth-origins";
import { collectScriptHashes, readScriptHashes, type ScriptHashes } from "@/lib/security/script-hashes";

const development = process.env.NODE_ENV === "development";
// AUTH_URL is the public address; locally `next start` serves plain http://localhost,
// where HSTS or upgrading requests to https would lock the browser out of the site.
const https = process.env.NODE_ENV === "production" && /^https:\/\//i.test(process.env.AUTH_URL ?? "");
const formActionOrigins = oauthOrigins();
// Read at run time from the build being served; nothing here needs tracing into the bundle.
const distDir = path.resolve(/*turbopackIgnore: true*/ process.env.MEND_DIST_DIR || ".next");
const NO_HASHES: ScriptHashes = { buildId: "", pages: {}, shared: [], fallback: [] };

let hashes: ScriptHashes | undefined;

function scriptHashes(): ScriptHashes {
  if (hashes) return hashes;
  // `next dev` prerenders nothing; its pages all render per request and take the nonce.
  if (development) return (hashes = NO_HASHES);
  hashes = readScriptHashes(distDir) ?? undefined;
  if (hashes) return hashes;
  // Built by a bare `next build`, without scripts/csp-hashes.ts: read them from the build now
  // rather than block the prerendered pages' scripts.
  try {
    hashes = collectScriptHashes(distDir);
    console.warn(`[csp] ${distDir} has no script hashes for this build; took them from its HTML at startup`);
  } catch (error) {
    console.error(`[csp] no script hashes for ${distDir}, prerendered pages' inline scripts will be blocked:`, error);
    hashes = NO_HASHES;
  }
  return hashes;
}

/**
 * Requests the app answers here, before Next reads them: a path whose %-escapes are not UTF-8
 * (Next would fail decoding it, with a 500), and anything but GET or HEAD sent to a page. Every
 * form posts to a route handler under /api; the site has no server actions, so a page never takes
 * a body, and a POST with an action id (or a body of React's action encoding) is refused here
 * rather than failing inside Next with a 500.
 */
function refused(request: NextRequest): NextResponse | undefined {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  try {
    decodeURIComponent(pathname);
  } catch {
    return answer(api, 400, "That address is not valid.");
  }
  if (api || request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return undefined;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) return answer(api, 413, TOO_LARGE);
  return answer(api, 405, "This page only answers GET.", { Allow: "GET, HEAD" });
}

function answer(json: boolean, status: number, message: string, headers: Record<string, string> = {}) {
  const init = { status, headers: { "Cache-Control": "no-store", ...headers } };
  return json
    ? NextResponse.json({ error: message }, init)
    : new NextResponse(message, { ...init, headers: { ...init.headers, "Content-Type": "text/plain; charset=utf-8" } });
}

export function proxy(request: NextRequest) {
  const { pages, shared, fallback } = scriptHashes();
  const pathname = request.nextUrl.pathname.replace(/(.)\/+$/, "$1");
  // Only GET and HEAD are answered from the prerendered HTML.
  const prerendered = request.method === "GET" || request.method === "HEAD" ? pages[pathname] : undefined;

  let response: NextResponse;
  let policy: string;
  const early = refused(request);
  if (early) {
    response = early;
    policy = buildCsp({ scriptHashes: [], formActionOrigins, upgradeInsecureRequests: https, development });
  } else if (prerendered) {
    policy = buildCsp({ scriptHashes: prerendered, formActionOrigins, upgradeInsecureRequests: https });
    response = NextResponse.next();
  } else {
    const nonce = createNonce();
    policy = buildCsp({
      nonce,
      // The theme script is the same on every page and carries no nonce; the built 404
      // and error pages may be what Next answers for a path that is not prerendered.
      scriptHashes: [...shared, ...fallback],
      formActionOrigins,
      upgradeInsecureRequests: https,
      development,
    });
    // Next takes the nonce from the request's policy and puts it on every script it renders.
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
  }
  // In development nothing is hashed, so the theme script would be blocked: report there, enforce in production.
  response.headers.set(development ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload");
  return response;
}

export const config = {
  matcher: [
    {
      // Built assets and icons need no policy; the headers in next.config.js still reach them.
      source: "/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|neutral-icon\\.svg).*)",
      // Prefetches are RSC payloads, not documents: a policy there would be thrown away.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
