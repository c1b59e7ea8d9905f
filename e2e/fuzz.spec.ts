// Every route handler and the pages' server-action endpoint, fed malformed, oversized, wrong-type
// and unicode-edge input (fast-check, seeded: a failure prints its seed and the payload) by the
// callers that reach its validation. Every answer is a 4xx (or a success where the input was
// genuinely valid), never a 5xx, never a stack trace; over-cap bodies get a 413 with a message.
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { type APIRequestContext, type APIResponse, expect, test, type PlaywrightWorkerArgs } from "@playwright/test";
import fc from "fast-check";
import { z } from "zod";
import {
  changeEmailSchema,
  changeNameSchema,
  changePasswordSchema,
  confirmPasswordSchema,
  emailOnlySchema,
  emailSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "@/lib/accounts/schemas";
import {
  editSchema,
  guideModeSchema,
  helpfulSchema,
  idOnlySchema,
  idSchema,
  moderateCommentSchema,
  moderateUserSchema,
  muteSchema,
  postSchema,
  reportSchema,
  wordSchema,
} from "@/lib/comments/schemas";
import { mergeSchema, stepChangeSchema } from "@/lib/progress/schemas";
import { restoreSchema, saveSchema } from "@/lib/reflections/schemas";
import { getGuides } from "@/lib/content/guides";
import { depthAtMost, MAX_JSON_DEPTH } from "@/lib/http/body";
import { PASSWORD, queryDatabase, uniqueEmail } from "./support/accounts";
import { appPages, appRoutes } from "./support/app-files";
import {
  CONTENT_TYPES,
  edgeString,
  expectJsonErrorMessage,
  expectNoLeak,
  type Fields,
  FUZZ_RUNS,
  fieldsPayload,
  malformedJson,
  oddFormBody,
  oddSegment,
} from "./support/fuzz";
import { ORIGIN } from "./support/moderation";

type Caller = "anonymous" | "READER" | "MODERATOR" | "ADMIN";

// The guide the fuzzed readers comment on.
const GUIDES = ["rebuilding-trust-after-infidelity"];
/** Every guide of the site: the fuzzed moderators never set one's mode (see /api/moderation/guide). */
const REAL_GUIDES = new Set(getGuides().map((g) => g.slug));
const KB = 1024;
const FORM_CAP = 32 * KB;

// ---- plausible values, so that part of each run gets past zod into the handler ----
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const email = fc.oneof(
  hex(10).map((h) => `fuzz-${h}@example.com`),
  fc.emailAddress(),
  fc.constantFrom(" Fuzz@Example.COM ", "a@b", "@example.com", "a@@example.com", "ü@exämple.com"),
);
const password = fc.oneof(fc.constant(PASSWORD), fc.string({ minLength: 10, maxLength: 60 }), hex(12));
const token = fc.oneof(hex(40), fc.string({ minLength: 20, maxLength: 100 }));
const slug = fc.oneof(fc.constantFrom(...GUIDES), fc.stringMatching(/^[a-z0-9-]{1,100}$/));
const flag = fc.oneof(fc.boolean(), fc.constantFrom("true", "false", "on", "off"));
/** Filled in once the suite has a comment and its author. */
const known = { commentId: "c", userId: "u" };
const id = fc.oneof(
  fc.stringMatching(/^[\w-]{1,64}$/),
  fc.constant(0).map(() => known.commentId),
  fc.constant(0).map(() => known.userId),
);
const text = fc.oneof(fc.lorem({ maxCount: 12 }), edgeString);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

interface FormTarget {
  kind: "form";
  schema: z.ZodType;
  fields: Fields;
  callers: Caller[];
  /** Who the route turns away before zod, and with what status. */
  access?: { status: 401 | 403; callers: Caller[] };
  maxBytes?: number;
  /** The route ends the caller's session or account when it succeeds. */
  endsSession?: boolean;
  /** Where else than this site a successful answer may send the browser. */
  sendsTo?: RegExp;
}

interface GetTarget {
  kind: "get";
  callers: Caller[];
  /** Values for the [param] segments. */
  params?: Record<string, fc.Arbitrary<string>>;
  query?: Record<string, fc.Arbitrary<string>>;
}

interface AuthTarget {
  kind: "auth";
  callers: Caller[];
}

type Target = FormTarget | GetTarget | AuthTarget;

const anyone = (schema: z.ZodType, fields: Fields, extra: Partial<FormTarget> = {}): FormTarget => ({
  kind: "form",
  schema,
  fields,
  callers: ["anonymous"],
  ...extra,
});
const signedIn = (schema: z.ZodType, fields: Fields, extra: Partial<FormTarget> = {}): FormTarget => ({
  kind: "form",
  schema,
  fields,
  callers: ["anonymous", "READER"],
  access: { status: 401, callers: ["anonymous"] },
  ...extra,
});
const staff = (role: "MODERATOR" | "ADMIN", schema: z.ZodType, fields: Fields): FormTarget => ({
  kind: "form",
  schema,
  fields,
  callers: ["anonymous", "READER", role],
  access: { status: 403, callers: ["READER"] },
});
const get = (callers: Caller[], extra: Partial<GetTarget> = {}): GetTarget => ({ kind: "get", callers, ...extra });

const tokenSchema = z.object({ token: z.string().min(20).max(100) });

/** Every route handler in app/, with how to reach its validation. */
const TARGETS: Record<string, Target> = {
  "/api/account/confirm-email": anyone(tokenSchema, { token }),
  "/api/account/delete-confirm": anyone(tokenSchema, { token }),
  "/api/account/delete-request": signedIn(z.object({}), {}),
  "/api/account/delete": signedIn(confirmPasswordSchema, { password }, { endsSession: true }),
  "/api/account/email-link": anyone(emailOnlySchema.extend({ callbackUrl: z.string().max(500).optional() }), {
    email,
    callbackUrl: fc.oneof(fc.constantFrom("/", "//evil.example", "https://evil.example", "/\\evil"), edgeString),
  }),
  "/api/account/email": signedIn(changeEmailSchema, { email, password: optional(password) }, { endsSession: true }),
  "/api/account/export": get(["anonymous", "READER"], {
    query: { format: fc.oneof(fc.constantFrom("json", "zip", "ZIP", "xml", ""), edgeString) },
  }),
  "/api/account/forgot-password": anyone(emailOnlySchema, { email }),
  "/api/account/name": signedIn(changeNameSchema, {
    name: fc.oneof(fc.string({ minLength: 2, maxLength: 40 }), edgeString),
  }),
  "/api/account/notify-replies": signedIn(
    z.object({ notify: z.union([z.boolean(), z.enum(["true", "false", "on", "off"])]) }),
    { notify: flag },
  ),
  "/api/account/oauth": anyone(
    z.object({ provider: z.string().max(40), callbackUrl: z.string().max(500).optional() }),
    {
      provider: fc.constantFrom("google", "github", "credentials", "nodemailer", "Google", "../google"),
      callbackUrl: fc.oneof(fc.constantFrom("/account", "//evil.example", "https://evil.example"), edgeString),
    },
    // The stand-in for Google on this machine.
    { sendsTo: /^http:\/\/(localhost|127\.0\.0\.1):\d+\// },
  ),
  "/api/account/password": signedIn(
    changePasswordSchema,
    { current: optional(password), password },
    { endsSession: true },
  ),
  "/api/account/resend-verification": signedIn(z.object({}), {}),
  "/api/account/reset-password": anyone(resetPasswordSchema, { token, password }),
  "/api/account/sign-in": anyone(signInSchema.extend({ callbackUrl: z.string().max(500).optional() }), {
    email,
    password,
    callbackUrl: fc.oneof(fc.constantFrom("/account", "//evil.example"), edgeString),
  }),
  "/api/account/sign-out-everywhere": signedIn(z.object({}), {}, { endsSession: true }),
  "/api/account/sign-out": { ...anyone(z.object({}), {}), callers: ["anonymous", "READER"], endsSession: true },
  "/api/account/sign-up": anyone(signUpSchema, {
    name: fc.oneof(fc.string({ minLength: 2, maxLength: 40 }), edgeString),
    email,
    password,
  }),
  "/api/account/verify-email": anyone(tokenSchema, { token }),
  "/api/admin/roles": staff("ADMIN", z.object({ email: emailSchema, action: z.enum(["grant", "revoke"]) }), {
    email,
    action: fc.constantFrom("grant", "revoke", "GRANT", "delete"),
  }),
  "/api/admin/words": staff("ADMIN", wordSchema, {
    action: fc.constantFrom("add", "remove", "purge"),
    word: text,
    list: fc.constantFrom("BANNED", "SUSPECT", "banned"),
    id,
  }),
  "/api/auth/[...nextauth]": { kind: "auth", callers: ["anonymous", "READER"] },
  "/api/comments/delete": signedIn(idOnlySchema, { id }),
  "/api/comments/edit": signedIn(editSchema, { id, body: text }),
  "/api/comments/helpful": signedIn(helpfulSchema, { id, helpful: flag }),
  "/api/comments/mute": signedIn(muteSchema, { userId: id, muted: flag }),
  "/api/comments/report": signedIn(reportSchema, {
    id,
    reason: fc.constantFrom("SPAM", "HARASSMENT", "SELF_HARM", "OTHER", "spam", ""),
    details: optional(text),
  }),
  "/api/comments": signedIn(postSchema, {
    guide: slug,
    parentId: fc.oneof(id, fc.constant(""), fc.constant(null)),
    body: text,
    postKey: fc.oneof(fc.uuid(), fc.constant(null), edgeString),
  }),
  "/api/guides/[slug]/comments": get(["anonymous", "READER"], {
    params: { slug: fc.oneof(slug, oddSegment) },
    query: {
      sort: fc.oneof(fc.constantFrom("oldest", "newest", "helpful", "NEWEST"), edgeString),
      cursor: fc.oneof(fc.base64String({ maxLength: 80 }), edgeString),
    },
  }),
  "/api/health": get(["anonymous"], { query: { deep: edgeString } }),
  "/api/moderation/comment": staff("MODERATOR", moderateCommentSchema, {
    id,
    action: fc.constantFrom("approve", "reject", "remove", "restore", "dismiss", "feature", "lock", "nuke"),
    reason: optional(text),
    note: optional(text),
  }),
  // Never a real guide: one closed or held here would refuse or hold the comments other specs post
  // to it meanwhile. Setting a real guide's mode is checked by the authorization matrix and the
  // moderation journey; here a well-formed slug of no guide still reaches the handler (404).
  "/api/moderation/guide": staff("MODERATOR", guideModeSchema, {
    slug: fc.stringMatching(/^[a-z0-9-]{1,100}$/).filter((s) => !REAL_GUIDES.has(s)),
    mode: fc.constantFrom("OPEN", "PREMODERATED", "CLOSED", "open"),
    note: optional(text),
  }),
  "/api/moderation/user": staff("MODERATOR", moderateUserSchema, {
    userId: id,
    action: fc.constantFrom("premoderate", "trust", "suspend", "ban", "reinstate", "promote"),
    until: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom(
        "-100000-01-01T00:00:00Z",
        "+275760-09-13T00:00:00Z",
        "0000-01-01",
        "-000001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "1970-01-01",
        "2030-02-30",
        "tomorrow",
        "",
      ),
      fc.integer().map(String),
    ),
    reason: optional(text),
    note: optional(text),
  }),
  "/api/notifications/read": signedIn(
    z.object({ ids: z.union([z.literal("all"), z.array(idSchema).max(200)]).default("all") }),
    { ids: fc.oneof(fc.constant("all"), fc.array(id, { maxLength: 250 })) },
  ),
  "/api/notifications": get(["anonymous", "READER"], { query: { count: edgeString } }),
  "/api/progress/merge": signedIn(mergeSchema, {
    progress: fc.dictionary(
      fc.oneof(slug, edgeString),
      fc.record({ done: fc.array(fc.oneof(hex(6), edgeString), { maxLength: 60 }), furthest: optional(edgeString) }),
      { maxKeys: 110 },
    ),
  }),
  "/api/progress": get(["anonymous", "READER"]),
  "/api/progress/step": signedIn(stepChangeSchema, {
    guide: fc.oneof(slug, edgeString),
    step: fc.oneof(hex(6), edgeString),
    done: optional(fc.boolean()),
    reached: optional(fc.boolean()),
  }),
  "/api/reflections/[id]/history": get(["anonymous", "READER"], { params: { id: fc.oneof(fc.uuid(), oddSegment) } }),
  "/api/reflections/[id]": get(["anonymous", "READER"], { params: { id: fc.oneof(fc.uuid(), oddSegment) } }),
  "/api/reflections/restore": signedIn(restoreSchema, {
    id: fc.oneof(fc.uuid(), id),
    version: fc.oneof(fc.integer({ min: -2, max: 1e9 }), fc.constantFrom("1", "1e3", "0x10", " 2 ", "Infinity")),
  }),
  "/api/reflections": get(["anonymous", "READER"], { query: { guide: fc.oneof(slug, edgeString) } }),
  "/api/reflections/save": signedIn(
    saveSchema,
    {
      target: fc.oneof(
        fc.record({ guide: slug, step: fc.oneof(hex(6), edgeString) }),
        fc.record({ id: fc.uuid() }),
        wrongTypeTarget(),
      ),
      text,
      baseVersion: fc.oneof(fc.nat(3), fc.constantFrom(-1, 1.5, 2 ** 53, 1e308)),
      saveId: fc.oneof(fc.uuid(), hex(32)),
    },
    { maxBytes: 256 * KB },
  ),
  "/feed.xml": get(["anonymous"], { query: { page: edgeString } }),
  "/search-index.json": get(["anonymous"], { query: { q: edgeString } }),
};

function wrongTypeTarget() {
  return fc.constantFrom({ guide: 1, step: [] }, { id: "not-a-uuid" }, [], "x", { guide: GUIDES[0] });
}

// ---- callers ----

/** A network address of its own for each request, so per-IP limits never stand in the way. */
const address = () => `2001:db8:${randomBytes(2).toString("hex")}::${randomBytes(2).toString("hex")}`;

interface Session {
  caller: Caller;
  request: APIRequestContext;
  userId?: string;
  email?: string;
}

async function session(playwright: PlaywrightWorkerArgs["playwright"], caller: Caller): Promise<Session> {
  const request = await playwright.request.newContext({ baseURL: ORIGIN });
  if (caller === "anonymous") return { caller, request };
  const mail = uniqueEmail(`fuzz-${caller.toLowerCase()}`);
  const answer = await request.post("/api/account/sign-up", {
    headers: { Origin: ORIGIN, Accept: "application/json", "x-forwarded-for": address() },
    data: { name: `Fuzz ${caller.toLowerCase()}`, email: mail, password: PASSWORD },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  const [row] = await queryDatabase<{ id: string }>(
    `UPDATE "User" SET role = $2::"Role", "emailVerified" = now() WHERE email = $1 RETURNING id`,
    [mail, caller],
  );
  return { caller, request, userId: row!.id, email: mail };
}

/** The account's own limits (keyed by its id or address), emptied so the next runs reach the handler again. */
async function clearLimits(who: Session) {
  if (!who.userId) return;
  await queryDatabase(`DELETE FROM "RateLimit" WHERE key LIKE $1 OR key LIKE $2`, [
    `%:${who.userId}`,
    `%:${who.email!.toLowerCase()}`,
  ]);
}

// ---- requests ----

interface Probe {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What the route must answer: a status, or "valid" (anything under 500) for input that passes zod. */
  expected: number | "valid" | "any";
  label: string;
}

const counts = new Map<string, Record<number, number>>();

function count(key: string, status: number) {
  const row = counts.get(key) ?? {};
  row[status] = (row[status] ?? 0) + 1;
  counts.set(key, row);
}

async function send(who: Session, probe: Probe): Promise<APIResponse> {
  return who.request.fetch(probe.path, {
    method: probe.method,
    headers: { "x-forwarded-for": address(), ...probe.headers },
    data: probe.body,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 60_000,
  });
}

/** Checks one answer: never a 5xx or internals, the status the input calls for, a message with every JSON error. */
async function check(who: Session, route: string, probe: Probe, response: APIResponse, target?: Target) {
  const status = response.status();
  const context = `${who.caller} ${probe.method} ${probe.path} [${probe.label}] → ${status}`;
  count(`${route} ${who.caller}`, status);
  const body = await response.text();
  expect(status, `${context}: ${body.slice(0, 300)}`).toBeLessThan(500);
  // Even the answers nothing in the app wrote carry the site's headers, but for Node's own 431 for
  // an address longer than its header limit, which never reaches Next, and Next's own 308 that folds
  // repeated slashes in a path ("/api/reflections//history"), sent before any header rule and with
  // no body; that one must still stay on this site.
  if (status === 308) expect(response.headers()["location"] ?? "", context).toMatch(/^\/(?![/\\])/);
  else if (status !== 431) expect(response.headers()["x-content-type-options"], context).toBe("nosniff");
  expectNoLeak(body, context);
  for (const [name, value] of Object.entries(response.headers())) expectNoLeak(`${name}: ${value}`, context);
  if (probe.expected === "any") return;
  // An address longer than Node's header limit is refused (431) before any route sees it.
  if (status === 431 && probe.path.length > 8_000) return;
  if (probe.expected === 405) {
    // Next's own answer for a method the route does not export: no body to read.
    expect(status, context).toBe(405);
    return;
  }
  const json = probe.headers.Accept === "application/json";
  if (!json) {
    // Without JavaScript every form answer is a redirect back to a page of this site.
    expect(status, context).toBe(303);
    const location = response.headers()["location"] ?? "";
    const sendsTo = target?.kind === "form" ? target.sendsTo : undefined;
    if (!(sendsTo?.test(location) && probe.expected === "valid")) expect(location, context).toMatch(/^\/(?![/\\])/);
    if (typeof probe.expected === "number")
      expect(new URL(location, ORIGIN).searchParams.get("error"), context).toBeTruthy();
    return;
  }
  if (typeof probe.expected === "number") {
    expect(status, `${context}: ${body.slice(0, 300)}`).toBe(probe.expected);
    expectJsonErrorMessage(body, context);
  } else if (status >= 400) {
    expectJsonErrorMessage(body, context);
  }
}

/** What formRoute makes of a body: the object zod sees, or the status it answers first. */
function bodyOutcome(contentType: string, text: string, maxBytes: number): Record<string, unknown> | number {
  if (Buffer.byteLength(text) > maxBytes) return 413;
  if (contentType.includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(text || "{}");
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed) && depthAtMost(parsed, MAX_JSON_DEPTH))
        return parsed as Record<string, unknown>;
    } catch {
      // unreadable
    }
    return 400;
  }
  if (contentType.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  return 400;
}

function withoutNul(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\u0000", "");
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replaceAll("\u0000", ""), withoutNul(v)]));
  return value;
}

function formProbe(target: FormTarget, route: string, caller: Caller): fc.Arbitrary<Probe> {
  const sample = fieldsPayload(target.fields);
  const maxBytes = target.maxBytes ?? FORM_CAP;
  const body = fc.oneof(
    { weight: 6, arbitrary: sample.map((o) => ({ type: "application/json", text: JSON.stringify(o), label: "json" })) },
    {
      weight: 2,
      arbitrary: sample.map((o) => ({
        type: "application/x-www-form-urlencoded",
        text: new URLSearchParams(
          Object.entries(o).map(([k, v]) => [k, typeof v === "string" ? v : (JSON.stringify(v) ?? "")]),
        ).toString(),
        label: "form",
      })),
    },
    {
      weight: 2,
      arbitrary: malformedJson(sample).map((text) => ({ type: "application/json", text, label: "malformed json" })),
    },
    {
      weight: 1,
      arbitrary: oddFormBody.map((text) => ({ type: "application/x-www-form-urlencoded", text, label: "odd form" })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...CONTENT_TYPES), sample)
        .map(([type, o]) => ({ type, text: JSON.stringify(o), label: `content-type ${JSON.stringify(type)}` })),
    },
    {
      weight: 1,
      arbitrary: sample.map((o) => ({
        type: "multipart/form-data; boundary=XyZ",
        text:
          Object.entries(o)
            .map(
              ([k, v]) =>
                `--XyZ\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === "string" ? v : JSON.stringify(v)}\r\n`,
            )
            .join("") + "--XyZ--\r\n",
        label: "multipart",
      })),
    },
  );
  // (An empty body is sent by Playwright without its Content-Type, which would make it another probe.)
  const nonEmptyBody = body.filter((b) => b.text.length > 0);
  const origin = fc.oneof(
    { weight: 8, arbitrary: fc.constant<Record<string, string>>({ Origin: ORIGIN }) },
    { weight: 1, arbitrary: fc.constant<Record<string, string>>({ "Sec-Fetch-Site": "same-origin" }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<Record<string, string>>(
        {},
        { Origin: "https://evil.example" },
        { Origin: "null" },
        { Origin: "http://[" },
        { Origin: ORIGIN.replace("localhost", "localhost.evil.example") },
        { "Sec-Fetch-Site": "cross-site" },
      ),
    },
  );
  const accept = fc.oneof(
    { weight: 5, arbitrary: fc.constant("application/json") },
    { weight: 1, arbitrary: fc.constant("text/html") },
  );
  const method = fc.oneof(
    { weight: 12, arbitrary: fc.constant("POST") },
    { weight: 1, arbitrary: fc.constantFrom("PUT", "DELETE", "PATCH") },
  );
  return fc.tuple(nonEmptyBody, origin, accept, method).map(([b, originHeaders, acceptType, method]): Probe => {
    const headers: Record<string, string> = { ...originHeaders, Accept: acceptType };
    if (b.type) headers["Content-Type"] = b.type;
    if (method !== "POST")
      return { method, path: route, headers, body: b.text, expected: 405, label: `${b.label}, ${method}` };
    const passesOrigin =
      "Origin" in originHeaders ? originHeaders.Origin === ORIGIN : originHeaders["Sec-Fetch-Site"] === "same-origin";
    let expected: Probe["expected"];
    if (!passesOrigin) expected = 403;
    else {
      const outcome = bodyOutcome(b.type, b.text, maxBytes);
      if (typeof outcome === "number") expected = outcome;
      else if (target.access?.callers.includes(caller)) expected = target.access.status;
      else if (caller === "anonymous" && target.access) expected = 401;
      else expected = target.schema.safeParse(withoutNul(outcome)).success ? "valid" : 422;
    }
    return { method: "POST", path: route, headers, body: b.text, expected, label: b.label };
  });
}

function fill(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => params[name] ?? "x");
}

function getProbe(target: GetTarget, route: string): fc.Arbitrary<Probe> {
  const params = fc.record(target.params ?? {}) as fc.Arbitrary<Record<string, string>>;
  const query = fc.oneof(
    fc
      .record(target.query ?? {}, { requiredKeys: [] })
      .map((q) => new URLSearchParams(Object.entries(q as Record<string, string>)).toString()),
    oddSegment.map((s) => `${s}=${s}&${s}`),
    fc.constantFrom("%E0%A4%A", "a=%", "=", "&&&", "a[]=1&a[b]=2", "a=" + "%FF".repeat(500)),
  );
  const method = fc.oneof(
    { weight: 10, arbitrary: fc.constant("GET") },
    { weight: 1, arbitrary: fc.constantFrom("HEAD", "POST", "PUT", "DELETE", "PATCH") },
  );
  return fc.tuple(params, query, method).map(([p, q, m]) => {
    const filled = fill(route, p);
    const path = filled + (q ? `?${q}` : "");
    // An empty or ".." segment makes it another URL (Next redirects it, or it is another route).
    const elsewhere =
      /\/\/|\/\.\.?(\/|$)|\/$/.test(filled) || filled.split("/").some((s) => /^(%2e|\.){1,2}$/i.test(s));
    return {
      method: m,
      path,
      headers: { Accept: "application/json", Origin: ORIGIN },
      body: m === "GET" || m === "HEAD" ? undefined : "{}",
      expected: m === "GET" || m === "HEAD" || elsewhere ? "any" : 405,
      label: m,
    };
  });
}

/** Auth.js's own endpoints, with junk. */
function authProbe(): fc.Arbitrary<Probe> {
  const junk = fc.oneof(fc.stringMatching(/^[\w-]{1,40}$/), oddSegment);
  const getPaths = fc.oneof(
    fc.constantFrom(
      "session",
      "csrf",
      "providers",
      "signin",
      "signout",
      "verify-request",
      "error",
      "webauthn-options/passkey",
    ),
    junk.map((j) => `signin/${j}`),
    junk.map((j) => `callback/${j}`),
    fc.tuple(junk, junk).map(([a, b]) => `callback/google?code=${a}&state=${b}`),
    fc.tuple(junk, junk).map(([a, b]) => `callback/nodemailer?token=${a}&email=${b}`),
    junk.map((j) => `error?error=${j}`),
    fc.tuple(junk, junk).map(([a, b]) => `${a}/${b}`),
  );
  const postPaths = fc.oneof(
    fc.constantFrom(
      "signin/google",
      "signin/nodemailer",
      "signin/credentials",
      "callback/credentials",
      "callback/google",
      "signout",
      "session",
      "csrf",
    ),
    junk.map((j) => `signin/${j}`),
    junk.map((j) => `callback/${j}`),
  );
  const body = fc.oneof(
    fc
      .record(
        {
          csrfToken: fc.oneof(hex(64), edgeString),
          callbackUrl: fc.oneof(fc.constantFrom("/", "//evil.example"), edgeString),
          email: fc.oneof(email, edgeString),
          password: edgeString,
        },
        { requiredKeys: [] },
      )
      .map((o) => ({
        type: "application/x-www-form-urlencoded",
        text: new URLSearchParams(o as Record<string, string>).toString(),
      })),
    fc
      .dictionary(edgeString, fc.jsonValue({ maxDepth: 2 }))
      .map((o) => ({ type: "application/json", text: JSON.stringify(o) })),
    oddFormBody.map((text) => ({ type: "application/x-www-form-urlencoded", text })),
    malformedJson(fc.constant({ csrfToken: "x" })).map((text) => ({ type: "application/json", text })),
    fc.constantFrom(...CONTENT_TYPES).map((type) => ({ type, text: "csrfToken=x" })),
  );
  return fc.oneof(
    getPaths.map((p) => ({
      method: "GET",
      path: `/api/auth/${p}`,
      headers: { Accept: "application/json" },
      expected: "any" as const,
      label: "GET",
    })),
    fc.tuple(postPaths, body).map(([p, b]) => ({
      method: "POST",
      path: `/api/auth/${p}`,
      headers: { Origin: ORIGIN, "Content-Type": b.type, Accept: "application/json" },
      body: b.text,
      expected: "any" as const,
      label: `POST ${b.type}`,
    })),
    fc.constantFrom("PUT", "DELETE", "PATCH").map((m) => ({
      method: m,
      path: "/api/auth/session",
      headers: { Accept: "application/json" },
      body: "{}",
      expected: 405,
      label: m,
    })),
  );
}

function probes(route: string, target: Target, caller: Caller): fc.Arbitrary<Probe> {
  if (target.kind === "form") return formProbe(target, route, caller);
  if (target.kind === "get") return getProbe(target, route);
  return authProbe();
}

// ---- the suite ----

test.describe.configure({ mode: "parallel" });

test.beforeAll(async () => {
  // A comment and its author, for the ids the comment and moderation routes are fuzzed with.
  const [author] = await queryDatabase<{ id: string }>(
    `INSERT INTO "User" (id, email, name, role, "emailVerified", "updatedAt")
     VALUES ($1, $2, 'Fuzz Author', 'READER', now(), now()) RETURNING id`,
    [`fuzz${randomBytes(8).toString("hex")}`, uniqueEmail("fuzz-author")],
  );
  const commentId = `fuzz${randomBytes(8).toString("hex")}`;
  await queryDatabase(
    `INSERT INTO "Comment" (id, "guideSlug", "authorId", body, html, status, "publishedAt", "updatedAt")
     VALUES ($1, $2, $3, 'A comment to fuzz around.', '<p>A comment to fuzz around.</p>', 'PUBLISHED', now(), now())`,
    [commentId, GUIDES[0], author!.id],
  );
  known.commentId = commentId;
  known.userId = author!.id;
});

function report(prefix: string) {
  const lines = [...counts]
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, row]) => `  ${key}: ${JSON.stringify(row)}`);
  console.log(`answers by status:\n${lines.join("\n")}`);
}

test("every route handler in app/ has a fuzz target, with its methods", () => {
  const routes = appRoutes();
  expect(routes.map((r) => r.path).sort()).toEqual(Object.keys(TARGETS).sort());
  for (const { path, methods } of routes) {
    const kind = TARGETS[path]!.kind;
    if (kind === "form") expect(methods, path).toEqual(["POST"]);
    else if (kind === "get") expect(methods, path).toEqual(["GET"]);
    else expect(methods, path).toEqual(["GET", "POST"]);
  }
});

for (const [route, target] of Object.entries(TARGETS)) {
  test(`fuzz ${route}`, async ({ playwright }) => {
    test.setTimeout(240_000);
    for (const caller of target.callers) {
      let who = await session(playwright, caller);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(probes(route, target, caller), async (probe) => {
          if (++runs % 4 === 0) await clearLimits(who);
          const response = await send(who, probe);
          await check(who, route, probe, response, target);
          // A success that ended the session (sign-out, new password, deletion): a fresh account for the next run.
          if (target.kind === "form" && target.endsSession && caller !== "anonymous" && response.status() < 400) {
            await who.request.dispose();
            who = await session(playwright, caller);
          }
        }),
        {
          numRuns: FUZZ_RUNS,
          seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
          endOnFailure: !process.env.FUZZ_SHRINK,
        },
      );
      await who.request.dispose();
    }
    report(`${route} `);
  });
}

// ---- server actions ----

/** A server action's id as the page carries it for a form that works without JavaScript. */
const ACTION_ID = /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/;

/** A page URL for each page pattern, its dynamic segments filled with something that may not exist. */
const PAGES = appPages().map((p) => fill(p, { slug: GUIDES[0]!, id: randomUUID(), step: "1", token: "x".repeat(40) }));

function actionProbe(realActionIds: string[]): fc.Arbitrary<Probe> {
  const actionId = fc.oneof(
    hex(42),
    hex(40),
    ...realActionIds.map((id) => fc.constant(id)),
    fc.constantFrom("", "x", "null", "../../", "%E0%A4%A", "0".repeat(5000)),
    edgeString.map((s) => s.replace(/[^\x20-\x7e]/g, "")),
  );
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => ({ type: "text/plain;charset=UTF-8", text: JSON.stringify(v) })),
    malformedJson(fc.constant({ a: 1 })).map((text) => ({ type: "text/plain;charset=UTF-8", text })),
    fc.constant({
      type: "multipart/form-data; boundary=XyZ",
      text: '--XyZ\r\nContent-Disposition: form-data; name="1_$ACTION_ID_junk"\r\n\r\n\r\n--XyZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--XyZ--\r\n',
    }),
    fc.constant({ type: "multipart/form-data; boundary=XyZ", text: "--XyZ\r\ngarbage" }),
    edgeString.map((text) => ({ type: "multipart/form-data", text })),
    oddFormBody.map((text) => ({ type: "application/x-www-form-urlencoded", text })),
    fc.constantFrom(...CONTENT_TYPES).map((type) => ({ type, text: "[]" })),
  );
  const origin = fc.constantFrom<Record<string, string>>({ Origin: ORIGIN }, {}, { Origin: "https://evil.example" });
  // Without the header, as a form posts to a page without JavaScript.
  const header = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
  return fc
    .tuple(fc.constantFrom(...PAGES), actionId, body, origin, header)
    .map(([path, action, b, o, withHeader]) => ({
      method: "POST",
      path,
      headers: {
        ...o,
        ...(withHeader ? { "Next-Action": action } : {}),
        "Content-Type": withHeader ? b.type : "multipart/form-data; boundary=XyZ",
        Accept: "text/x-component",
      },
      body: withHeader
        ? b.text
        : `--XyZ\r\nContent-Disposition: form-data; name="$ACTION_ID_${action}"\r\n\r\n\r\n--XyZ--\r\n`,
      // No page takes a body: the site has no server actions, and the proxy turns these away.
      expected: 405,
      label: `action ${action.slice(0, 50)} ${withHeader ? b.type : "form without JavaScript"}`,
    }));
}

test("server actions: junk action ids and bodies on every page are turned away with a 4xx", async ({ playwright }) => {
  test.setTimeout(240_000);
  const who = await session(playwright, "anonymous");
  const signIn = await (await who.request.get("/sign-in")).text();
  const realActionIds = [...signIn.matchAll(new RegExp(ACTION_ID, "g"))].map((m) => m[1]!);
  // The proxy refuses every POST to a page, which is right only while no page has a server action.
  expect(realActionIds, "server actions on /sign-in").toEqual([]);
  await fc.assert(
    fc.asyncProperty(actionProbe(realActionIds), async (probe) => {
      await check(who, "server actions", probe, await send(who, probe));
    }),
    {
      numRuns: FUZZ_RUNS * 4,
      seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
      endOnFailure: !process.env.FUZZ_SHRINK,
    },
  );
  report("server actions ");
});

// ---- body caps ----

/** Sends `bytes` of JSON without a Content-Length, in chunks, and reads the answer (the server may stop reading early). */
function postChunked(
  path: string,
  bytes: number,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, ORIGIN);
    const request = http.request(
      url,
      { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked", "x-forwarded-for": address() } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    const chunk = Buffer.alloc(16 * KB, "a");
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!request.write(piece)) return void request.once("drain", write);
      }
      request.end();
    };
    // The JSON opens like a real form's, then goes on and on.
    request.write('{"a":"');
    sent += 6;
    write();
    request.on("close", () => undefined);
  });
}

const postRoutes = appRoutes().filter((r) => r.methods.includes("POST"));
const capOf = (path: string) =>
  path === "/api/auth/[...nextauth]" ? FORM_CAP : ((TARGETS[path] as FormTarget | undefined)?.maxBytes ?? FORM_CAP);
const urlOf = (path: string) => (path === "/api/auth/[...nextauth]" ? "/api/auth/signout" : path);

for (const { path } of postRoutes) {
  test(`body cap: ${path} refuses a body over ${capOf(path) / KB} KiB with 413`, async ({ request }) => {
    test.setTimeout(120_000);
    const cap = capOf(path);
    const headers = { Origin: ORIGIN, Accept: "application/json", "Content-Type": "application/json" };
    for (const size of [cap + 1, cap * 8]) {
      const answer = await request.post(urlOf(path), {
        headers: { ...headers, "x-forwarded-for": address() },
        data: JSON.stringify({ a: "a".repeat(size) }),
        failOnStatusCode: false,
      });
      const body = await answer.text();
      expect(answer.status(), `${size} bytes with a Content-Length: ${body.slice(0, 200)}`).toBe(413);
      expectJsonErrorMessage(body, `${path}, ${size} bytes`);
      expect(body).toMatch(/more than this form accepts|too large/i);
    }
    for (const size of [cap + 1, 1024 * KB]) {
      const answer = await postChunked(urlOf(path), size, headers);
      expect(answer.status, `${size} bytes chunked: ${answer.body.slice(0, 200)}`).toBe(413);
      expectJsonErrorMessage(answer.body, `${path}, ${size} bytes chunked`);
    }
  });
}

test("body cap: a POST to a page with an action id and a large body is refused with 413, not read", async ({
  request,
}) => {
  for (const path of ["/sign-in", "/", `/guides/${GUIDES[0]}`]) {
    const answer = await request.post(path, {
      headers: { Origin: ORIGIN, "Next-Action": "7f".repeat(21), "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify(["a".repeat(2 * 1024 * KB)]),
      failOnStatusCode: false,
    });
    const body = await answer.text();
    expect(answer.status(), body.slice(0, 300)).toBe(413);
    expect(body).toBe("That is more than this form accepts.");
  }
});
