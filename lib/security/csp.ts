// The site's Content-Security-Policy. Scripts run only from this origin, or
// inline when the page's own nonce or the SHA-256 of their exact text allows
// them: never 'unsafe-inline'. Pure, so proxy.ts and the tests share it.

export interface CspOptions {
  /** Per-request nonce: only pages rendered for this request can carry it. */
  nonce?: string;
  /** Base64 SHA-256 digests of inline scripts that may run (from the build). */
  scriptHashes?: readonly string[];
  /** Origins a form may be sent to besides this one (OAuth providers the sign-in redirects to). */
  formActionOrigins?: readonly string[];
  /** Served over HTTPS: ask the browser to fetch any stray http:// URL over https. */
  upgradeInsecureRequests?: boolean;
  /** `next dev`: React rebuilds server error stacks with eval. Never in production. */
  development?: boolean;
}

const NONCE = /^[A-Za-z0-9+/_-]+={0,2}$/;
const SHA256 = /^[A-Za-z0-9+/]{43}=$/;

export function buildCsp(options: CspOptions = {}): string {
  const { nonce, scriptHashes = [], formActionOrigins = [] } = options;
  // Next reads the nonce back out of this header with a strict pattern; a bad one would be silently dropped.
  if (nonce !== undefined && !NONCE.test(nonce)) throw new Error(`not a CSP nonce: ${nonce}`);
  for (const hash of scriptHashes) if (!SHA256.test(hash)) throw new Error(`not a base64 SHA-256: ${hash}`);

  const scriptSrc = [
    "'self'",
    ...(nonce ? [`'nonce-${nonce}'`] : []),
    ...[...new Set(scriptHashes)].map((hash) => `'sha256-${hash}'`),
    ...(options.development ? ["'unsafe-eval'"] : []),
  ];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...scriptSrc],
    // Inline style attributes (React's style={…}) and next-themes' transition
    // blocker need 'unsafe-inline' here. It must stay without a nonce: a nonce
    // in style-src would make browsers ignore 'unsafe-inline'. Styles cannot run code.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    // Chromium checks the redirect after a form POST against form-action too,
    // so OAuth sign-in (a POST here, then a redirect to the provider) needs the provider's origin.
    ["form-action", "'self'", ...new Set(formActionOrigins)],
    ["frame-ancestors", "'none'"],
  ];
  if (options.upgradeInsecureRequests) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Directive name → its sources, as a browser would read the header. */
export function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins; browsers ignore repeats.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
