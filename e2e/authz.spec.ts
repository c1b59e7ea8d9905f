// Who may open every page and call every route of the site: one table of pages and one of
// routes (with the methods each exports), read against app/ so that a new page or route fails
// the suite until it has a row. Each row is tried, with real sessions, by anonymous visitors,
// readers, moderators, admins, an unverified reader, a banned reader and the stale session of a
// deleted account. Reader A owns a private entry, comments and notifications: nobody else ever
// gets A's words back (checked in every answer) or changes A's rows (checked in the database
// after every request). Every state-changing route refuses a request from another site.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { queryDatabase, test } from "./support/accounts";
import { appPages, appRoutes } from "./support/app-files";
import { saveEntry } from "./support/journal";
import {
  clearCommentLimits,
  makeTrusted,
  newPerson,
  ORIGIN,
  postComment,
  SAME_ORIGIN,
  type Person,
} from "./support/moderation";
import { seedComment } from "./support/comments";
import { E2E_DATABASE_URL_FILE } from "./support/paths";

type Who =
  "anonymous" | "reader" | "another reader" | "moderator" | "admin" | "unverified" | "banned" | "deleted account";
const EVERYONE: Who[] = [
  "anonymous",
  "deleted account",
  "another reader",
  "unverified",
  "banned",
  "moderator",
  "admin",
  "reader",
];
type SignedIn = Exclude<Who, "anonymous">;

const GUIDE = "should-you-try-again";
const STEP = "lonely-or-compatible";
const TAG = "deciding";
/** Where this spec comments (reflections and progress are per person, on GUIDE). */
const COMMENT_GUIDE = "the-first-real-conversation";

/** What the setup made, for the rows' URLs and bodies. */
interface Fixture {
  /** Reader A's private free entry (two versions) and the words in it. */
  entryId: string;
  secret: string;
  /** A's comments: published (edited, then deleted by A last), and one held. */
  aComment: string;
  aComment2: string;
  aHeldText: string;
  /** A reply by the moderator to A: A's notification. */
  aNotification: string;
  staffComment: string;
  /** An account nobody signs in to, for actions on people. */
  target: { id: string; email: string };
  moderatorId: string;
}

/* ---------------------------------------------------------------- pages */

/** What a page answers: sent to sign in, a 404 that confirms nothing, or the page. */
type PageAnswer = "sign-in" | 404 | 200;

const everyone200: Record<Who, PageAnswer> = Object.fromEntries(EVERYONE.map((w) => [w, 200])) as never;
const signedInPage: Record<Who, PageAnswer> = { ...everyone200, anonymous: "sign-in", "deleted account": "sign-in" };
const staffPage = (adminOnly = false): Record<Who, PageAnswer> => ({
  anonymous: "sign-in",
  "deleted account": "sign-in",
  reader: 404,
  "another reader": 404,
  unverified: 404,
  banned: 404,
  moderator: adminOnly ? 404 : 200,
  admin: 200,
});
/** A's entry: A alone; for every other person the same 404 as an id that does not exist. */
const ownerOnlyPage: Record<Who, PageAnswer> = {
  ...staffPage(true),
  moderator: 404,
  admin: 404,
  reader: 200,
};

interface PageRow {
  /** The pattern appPages() lists. */
  page: string;
  name: string;
  url: (f: Fixture) => string;
  expect: Record<Who, PageAnswer>;
}

const page = (path: string, expected: Record<Who, PageAnswer>, url?: (f: Fixture) => string): PageRow => ({
  page: path.split("?")[0]!,
  name: path,
  url: url ?? (() => path),
  expect: expected,
});

const PAGES: PageRow[] = [
  page("/", everyone200),
  page("/account", signedInPage),
  page("/account/comments", signedInPage),
  page("/journey", signedInPage),
  page("/journey?q=Only", signedInPage),
  page("/journey/entries/[id]", ownerOnlyPage, (f) => `/journey/entries/${f.entryId}`),
  page("/journey/entries/[id]?restored=1", ownerOnlyPage, (f) => `/journey/entries/${f.entryId}?restored=1&as=2`),
  page("/journey/entries/new", signedInPage),
  page("/journey/print", signedInPage),
  page("/notifications", signedInPage),
  page("/confirm-email", everyone200),
  page("/delete-account", everyone200),
  page("/forgot-password", everyone200),
  page("/reset-password", everyone200),
  page("/sign-in", everyone200),
  page("/sign-in/check-email", everyone200),
  page("/sign-out", everyone200),
  page("/sign-up", everyone200),
  page("/verify-email", everyone200),
  page("/admin/moderators", staffPage(true)),
  page("/admin/words", staffPage(true)),
  page("/moderation", staffPage()),
  page("/moderation?tab=reported", staffPage()),
  page("/moderation?tab=recent", staffPage()),
  page("/moderation/guides", staffPage()),
  page("/moderation/log", staffPage()),
  // The local outbox lists everybody's mail: it exists only with APP_ENV=local and no mail server.
  page("/dev/outbox", Object.fromEntries(EVERYONE.map((w) => [w, 404])) as never),
  page("/goodbye", everyone200),
  page("/guides/[slug]", everyone200, () => `/guides/${GUIDE}`),
  page("/guides/[slug]/discussion", everyone200, () => `/guides/${COMMENT_GUIDE}/discussion`),
  page("/help", everyone200),
  page("/help/support", everyone200),
  page("/search", everyone200, () => "/search?q=trust"),
  page("/tags", everyone200),
  page("/tags/[tag]", everyone200, () => `/tags/${TAG}`),
];

/* --------------------------------------------------------------- routes */

interface RouteRow {
  route: string;
  method: "GET" | "POST";
  /** The URL actually called (query, ids filled in); the route's own path unless said. */
  url?: (f: Fixture) => string;
  body?: (f: Fixture, who: Who) => Record<string, unknown>;
  /** Expected statuses; people left out are not tried on this row. Tried in this order. */
  expect: Partial<Record<Who, number>>;
  /** What signed-in people's answers say, where the status alone would not tell them from anonymous. */
  says?: string;
  /** Words that must be in the answer for `reader` (A) and nobody else: proves the check can fail. */
  onlyForA?: (f: Fixture) => string;
}

const staffRoute = (adminOnly = false): Partial<Record<Who, number>> => ({
  anonymous: 401,
  "deleted account": 401,
  reader: 403,
  "another reader": 403,
  unverified: 403,
  banned: 403,
  moderator: adminOnly ? 403 : 200,
  admin: 200,
});
const signedInRoute = (status = 200, also: Partial<Record<Who, number>> = {}): Partial<Record<Who, number>> => ({
  anonymous: 401,
  "deleted account": 401,
  "another reader": status,
  unverified: status,
  banned: status,
  moderator: status,
  admin: status,
  reader: status,
  ...also,
});
/** A's own resource: 404 for every other signed-in person (as for an id that does not exist). */
const ownerOnlyRoute: Partial<Record<Who, number>> = signedInRoute(404, { reader: 200 });
const anyoneRoute = (status: number): Partial<Record<Who, number>> =>
  Object.fromEntries(EVERYONE.map((w) => [w, status]));

const hex = () => randomBytes(4).toString("hex");
const BAD_TOKEN = "x".repeat(40);

const ROUTES: RouteRow[] = [
  // Accounts. Routes for anyone are tried with input that changes nothing; what matters is
  // that they answer past the access check (a 4xx about the input, never a 401 or 403).
  { route: "/api/account/confirm-email", method: "POST", body: () => ({ token: BAD_TOKEN }), expect: anyoneRoute(404) },
  {
    route: "/api/account/delete-confirm",
    method: "POST",
    body: () => ({ token: BAD_TOKEN }),
    expect: anyoneRoute(404),
  },
  { route: "/api/account/verify-email", method: "POST", body: () => ({ token: BAD_TOKEN }), expect: anyoneRoute(404) },
  {
    route: "/api/account/reset-password",
    method: "POST",
    body: () => ({ token: BAD_TOKEN, password: "a new quiet harbour", confirm: "a new quiet harbour" }),
    expect: anyoneRoute(404),
  },
  {
    route: "/api/account/sign-in",
    method: "POST",
    body: () => ({ email: `nobody-${hex()}@example.com`, password: "not the password at all" }),
    expect: { anonymous: 401, reader: 401 },
  },
  {
    route: "/api/account/oauth",
    method: "POST",
    body: () => ({ provider: "no-such-provider" }),
    expect: anyoneRoute(404),
  },
  {
    route: "/api/account/sign-up",
    method: "POST",
    body: () => ({ email: "not an address" }),
    expect: { anonymous: 422 },
  },
  {
    route: "/api/account/forgot-password",
    method: "POST",
    body: () => ({ email: `nobody-${hex()}@example.com` }),
    expect: { anonymous: 200 },
  },
  {
    route: "/api/account/email-link",
    method: "POST",
    body: () => ({ email: `nobody-${hex()}@example.com` }),
    expect: { anonymous: 200 },
  },
  // Signing out is tried only where it ends nothing that later rows need.
  { route: "/api/account/sign-out", method: "POST", body: () => ({}), expect: { anonymous: 200 } },
  {
    route: "/api/account/sign-out-everywhere",
    method: "POST",
    body: () => ({}),
    expect: { anonymous: 401, "deleted account": 401 },
  },
  // Signed-in readers, each about their own account; wrong passwords keep them from changing anything.
  {
    route: "/api/account/delete",
    method: "POST",
    body: () => ({ password: "not the password at all" }),
    expect: signedInRoute(401),
    says: "That password is not right.",
  },
  {
    route: "/api/account/delete-request",
    method: "POST",
    body: () => ({}),
    expect: { anonymous: 401, "deleted account": 401 },
  },
  {
    route: "/api/account/email",
    method: "POST",
    body: () => ({ email: `new-${hex()}@example.com`, password: "not the password at all" }),
    expect: signedInRoute(401),
    says: "That password is not right.",
  },
  {
    route: "/api/account/password",
    method: "POST",
    body: () => ({
      current: "not the password at all",
      password: "another quiet harbour",
      confirm: "another quiet harbour",
    }),
    expect: signedInRoute(401),
    says: "That password is not right.",
  },
  {
    route: "/api/account/name",
    method: "POST",
    body: (_f, who) => ({ name: `Matrix ${who} ${hex()}`.slice(0, 40) }),
    expect: signedInRoute(),
  },
  { route: "/api/account/notify-replies", method: "POST", body: () => ({ notify: false }), expect: signedInRoute() },
  {
    route: "/api/account/resend-verification",
    method: "POST",
    body: () => ({}),
    expect: { anonymous: 401, "deleted account": 401 },
  },
  {
    route: "/api/account/export",
    method: "GET",
    // Everybody's export is their own: A's entry is in A's alone.
    expect: signedInRoute(),
    onlyForA: (f) => f.secret,
  },
  {
    route: "/api/account/export",
    method: "GET",
    url: () => "/api/account/export?format=zip",
    expect: signedInRoute(),
  },
  // Auth.js's own endpoints: the session is each person's own; its direct sign-in entry points are closed.
  { route: "/api/auth/[...nextauth]", method: "GET", url: () => "/api/auth/session", expect: anyoneRoute(200) },
  {
    route: "/api/auth/[...nextauth]",
    method: "POST",
    url: () => "/api/auth/callback/credentials",
    body: () => ({ email: "someone@example.com", password: "not the password at all" }),
    expect: anyoneRoute(404),
  },
  // Staff.
  {
    route: "/api/moderation/comment",
    method: "POST",
    body: (f) => ({ id: f.staffComment, action: "feature" }),
    expect: staffRoute(),
  },
  {
    route: "/api/moderation/user",
    method: "POST",
    body: (f) => ({ userId: f.target.id, action: "premoderate", reason: "checking access" }),
    expect: staffRoute(),
  },
  {
    route: "/api/moderation/guide",
    method: "POST",
    body: () => ({ slug: COMMENT_GUIDE, mode: "OPEN" }),
    expect: staffRoute(),
  },
  {
    route: "/api/admin/words",
    method: "POST",
    body: () => ({ action: "add", word: `zq${hex()}`, list: "SUSPECT" }),
    expect: staffRoute(true),
  },
  {
    route: "/api/admin/roles",
    method: "POST",
    body: (f) => ({ email: f.target.email, action: "revoke" }),
    expect: staffRoute(true),
  },
  // Comments. Only verified readers in good standing post, report or react.
  {
    route: "/api/comments",
    method: "POST",
    body: () => ({ guide: COMMENT_GUIDE, body: `Checking who may post, ${hex()}.` }),
    expect: { anonymous: 401, "deleted account": 401, unverified: 403, banned: 403, "another reader": 200 },
  },
  {
    route: "/api/comments/edit",
    method: "POST",
    body: (f) => ({ id: f.aComment, body: `Edited, ${hex()}.` }),
    // Moderators moderate; they never edit someone's words.
    expect: signedInRoute(404, { reader: 200 }),
  },
  {
    route: "/api/comments/delete",
    method: "POST",
    body: (f) => ({ id: f.aComment2 }),
    // The owner's delete goes last: the others must find the comment still there.
    expect: signedInRoute(404, { reader: 200 }),
  },
  {
    route: "/api/comments/helpful",
    method: "POST",
    body: (f) => ({ id: f.staffComment, helpful: true }),
    expect: { anonymous: 401, "deleted account": 401, unverified: 403, reader: 200 },
  },
  {
    route: "/api/comments/report",
    method: "POST",
    body: (f) => ({ id: f.staffComment, reason: "OTHER", details: "Checking who may report." }),
    expect: { anonymous: 401, "deleted account": 401, unverified: 403, "another reader": 200 },
  },
  {
    route: "/api/comments/mute",
    method: "POST",
    body: (f) => ({ userId: f.moderatorId, muted: true }),
    expect: { anonymous: 401, "deleted account": 401, reader: 200 },
  },
  {
    route: "/api/guides/[slug]/comments",
    method: "GET",
    url: () => `/api/guides/${COMMENT_GUIDE}/comments?sort=newest`,
    // A's held comment is shown to A alone.
    expect: anyoneRoute(200),
    onlyForA: (f) => f.aHeldText,
  },
  // Notifications: each reader's own.
  { route: "/api/notifications", method: "GET", expect: signedInRoute(), onlyForA: (f) => f.aNotification },
  {
    route: "/api/notifications/read",
    method: "POST",
    body: (f) => ({ ids: [f.aNotification] }),
    // Marking someone else's notification read marks nothing (the database check below).
    expect: signedInRoute(),
  },
  // Progress: each reader's own.
  { route: "/api/progress", method: "GET", expect: signedInRoute(), onlyForA: () => STEP },
  {
    route: "/api/progress/step",
    method: "POST",
    body: () => ({ guide: "the-apology-that-lands", step: "no-such-step", done: true }),
    expect: signedInRoute(404),
  },
  {
    route: "/api/progress/merge",
    method: "POST",
    body: () => ({ progress: {} }),
    expect: signedInRoute(),
  },
  // Reflections: A's alone. Not moderators, not admins.
  {
    route: "/api/reflections",
    method: "GET",
    url: () => `/api/reflections?guide=${GUIDE}`,
    expect: signedInRoute(),
    onlyForA: (f) => f.secret,
  },
  {
    route: "/api/reflections/[id]",
    method: "GET",
    url: (f) => `/api/reflections/${f.entryId}`,
    expect: ownerOnlyRoute,
    onlyForA: (f) => f.secret,
  },
  {
    route: "/api/reflections/[id]/history",
    method: "GET",
    url: (f) => `/api/reflections/${f.entryId}/history`,
    expect: ownerOnlyRoute,
    onlyForA: (f) => f.secret,
  },
  {
    route: "/api/reflections/save",
    method: "POST",
    body: (f, who) => ({
      target: { id: f.entryId },
      text: `Written over by ${who}.`,
      baseVersion: who === "reader" ? 2 : 0,
      saveId: randomUUID(),
    }),
    expect: ownerOnlyRoute,
  },
  {
    route: "/api/reflections/save",
    method: "POST",
    body: (f, who) => ({
      target: { id: f.entryId },
      text: `Written over by ${who}.`,
      baseVersion: 2,
      saveId: randomUUID(),
    }),
    expect: signedInRoute(404, { reader: undefined }),
  },
  {
    route: "/api/reflections/restore",
    method: "POST",
    body: (f) => ({ id: f.entryId, version: 1 }),
    expect: ownerOnlyRoute,
  },
  // Public.
  { route: "/api/health", method: "GET", expect: anyoneRoute(200) },
  { route: "/feed.xml", method: "GET", expect: anyoneRoute(200) },
  { route: "/search-index.json", method: "GET", expect: anyoneRoute(200) },
];

/** One connection for the many before-and-after looks at A's rows. */
let database: pg.Client | undefined;
async function look<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  if (!database) {
    database = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, "utf8") });
    await database.connect();
  }
  return (await database.query<T>(sql, params)).rows;
}

/** Everything of A's that nobody else may change, as one value, from one query. */
async function snapshotOf(userId: string, entryId: string): Promise<string> {
  const [row] = await look<{ state: unknown }>(
    `SELECT json_build_object(
       'user', (SELECT json_build_object('name', name, 'email', email, 'role', role, 'sessionVersion', "sessionVersion",
                 'verified', "emailVerified", 'hash', "passwordHash", 'banned', "bannedAt", 'suspended', "suspendedUntil",
                 'premoderated', premoderated, 'notify', "notifyRepliesByEmail") FROM "User" WHERE id = $1),
       'entry', (SELECT json_build_object('version', version, 'text', encode(ciphertext, 'base64')) FROM "Reflection" WHERE id = $2),
       'versions', (SELECT count(*) FROM "ReflectionVersion" WHERE "reflectionId" = $2),
       'notifications', (SELECT json_agg(json_build_object('id', id, 'read', "readAt") ORDER BY id) FROM "Notification" WHERE "userId" = $1),
       'progress', (SELECT json_agg(json_build_object('g', "guideSlug", 'd', "doneSteps") ORDER BY "guideSlug") FROM "GuideProgress" WHERE "userId" = $1),
       'tokens', (SELECT count(*) FROM "AccountToken" WHERE "userId" = $1)
     ) AS state`,
    [userId, entryId],
  );
  return JSON.stringify(row!.state);
}

/** A's comments: nobody else edits or deletes them. */
async function commentsOf(userId: string): Promise<string> {
  const rows = await look(`SELECT id, body, status FROM "Comment" WHERE "authorId" = $1 ORDER BY id`, [userId]);
  return JSON.stringify(rows);
}

test.describe("access to every page and route", () => {
  // One setup, then the rows in order (A's own edit and delete come after the others' attempts).
  test.describe.configure({ mode: "default" });

  const people = {} as Record<SignedIn, Person>;
  let anonymous: APIRequestContext;
  let fixture: Fixture;
  const as = (who: Who) => (who === "anonymous" ? anonymous : people[who].page.request);

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    // One after another: signing up hashes a password, and this machine is shared.
    const reader = await newPerson(browser);
    const another = await newPerson(browser);
    const moderator = await newPerson(browser, { role: "MODERATOR" });
    const admin = await newPerson(browser, { role: "ADMIN" });
    const unverified = await newPerson(browser, { verified: false });
    const banned = await newPerson(browser);
    const deleted = await newPerson(browser);
    Object.assign(people, {
      reader,
      "another reader": another,
      moderator,
      admin,
      unverified,
      banned,
      "deleted account": deleted,
    });
    await queryDatabase(`UPDATE "User" SET "bannedAt" = now() WHERE id = $1`, [banned.id]);
    // The account is gone; its browser still holds the signed session cookie.
    await queryDatabase(`DELETE FROM "User" WHERE id = $1`, [deleted.id]);
    anonymous = await playwrightRequest.newContext({ baseURL: ORIGIN });

    // A's private words: a free entry saved twice, and a reflection under a step.
    const secret = `Only A wrote this ${hex()}${hex()}`;
    await reader.page.goto("/journey");
    const entryId = await saveEntry(reader.page, { id: randomUUID() }, `${secret}, first.`);
    await saveEntry(reader.page, { id: entryId }, `${secret}, second.`, 1);
    await saveEntry(reader.page, { guide: GUIDE, step: STEP }, `${secret}, under a step.`);
    const step = await reader.page.request.post("/api/progress/step", {
      headers: SAME_ORIGIN,
      data: { guide: GUIDE, step: STEP, done: true },
    });
    expect(step.status()).toBe(200);

    // A's comments are published at once; a moderator's reply gives A a notification.
    await makeTrusted(reader, COMMENT_GUIDE);
    const staff = await postComment(moderator, COMMENT_GUIDE, `A moderator's comment, ${hex()}.`);
    const mine = await postComment(reader, COMMENT_GUIDE, `The reader's own words, ${hex()}.`);
    const mine2 = await postComment(reader, COMMENT_GUIDE, `More of the reader's words, ${hex()}.`);
    expect([staff.status, mine.status, mine2.status]).toEqual([200, 200, 200]);
    const reply = await postComment(moderator, COMMENT_GUIDE, `A reply to the reader, ${hex()}.`, mine.body.comment.id);
    expect(reply.status).toBe(200);
    const [notification] = await queryDatabase<{ id: string }>(
      `SELECT id FROM "Notification" WHERE "userId" = $1 AND kind = 'REPLY'`,
      [reader.id],
    );
    const aHeldText = `A's comment still waiting, ${hex()}`;
    await seedComment({ guide: COMMENT_GUIDE, authorId: reader.id, text: aHeldText, status: "PENDING" });

    const email = `target-${hex()}@example.com`;
    const [target] = await queryDatabase<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, 'Far Away Reader', now()) RETURNING id`,
      [`target${hex()}${hex()}`, email],
    );
    fixture = {
      entryId,
      secret,
      aComment: mine.body.comment.id,
      aComment2: mine2.body.comment.id,
      aHeldText,
      aNotification: notification!.id,
      staffComment: staff.body.comment.id,
      target: { id: target!.id, email },
      moderatorId: moderator.id,
    };
  });

  test.afterAll(async () => {
    await anonymous?.dispose();
    await database?.end();
    database = undefined;
    await Promise.all(Object.values(people).map((p) => p.context.close()));
  });

  test("every page and every route handler of app/ has a row", () => {
    const pages = new Set(PAGES.map((row) => row.page));
    const routes = new Set(ROUTES.map((row) => `${row.method} ${row.route}`));
    const missingPages = appPages().filter((p) => !pages.has(p));
    const missingRoutes = appRoutes()
      .flatMap((r) => r.methods.map((m) => `${m} ${r.path}`))
      .filter((r) => !routes.has(r));
    expect({ missingPages, missingRoutes }).toEqual({ missingPages: [], missingRoutes: [] });
    // Rows for pages or routes that no longer exist are stale.
    const known = new Set(appPages());
    const knownRoutes = new Set(appRoutes().flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)));
    expect([...pages].filter((p) => !known.has(p))).toEqual([]);
    expect([...routes].filter((r) => !knownRoutes.has(r))).toEqual([]);
  });

  for (const row of PAGES) {
    test(`page ${row.name}: ${EVERYONE.map((who) => `${who} ${row.expect[who]}`).join(", ")}`, async () => {
      const url = row.url(fixture);
      for (const who of EVERYONE) {
        const expected = row.expect[who];
        const before = await snapshotOf(people.reader.id, fixture.entryId);
        const response = await as(who).get(url);
        const landed = new URL(response.url());
        const body = await response.text();
        const says = `${url} for ${who}`;
        if (expected === "sign-in") {
          expect.soft(landed.pathname, says).toBe("/sign-in");
          expect.soft(landed.searchParams.get("callbackUrl"), says).toBe(new URL(url, ORIGIN).pathname);
        } else {
          expect.soft(landed.pathname, says).toBe(new URL(url, ORIGIN).pathname);
          expect.soft(response.status(), says).toBe(expected);
          if (expected === 404) expect.soft(body, says).toContain("This page isn’t here");
        }
        // A's words are shown to A alone: not on any page of anyone else, staff included.
        if (who !== "reader") expect.soft(body, says).not.toContain(fixture.secret);
        expect.soft(await snapshotOf(people.reader.id, fixture.entryId), says).toBe(before);
      }
    });
  }

  for (const [index, row] of ROUTES.entries()) {
    const tried = (Object.entries(row.expect) as [Who, number | undefined][]).filter(([, e]) => e !== undefined);
    test(`${row.method} ${row.route} (${index}): ${tried.map(([who, e]) => `${who} ${e}`).join(", ")}`, async () => {
      const url = row.url?.(fixture) ?? row.route;
      for (const [who, expected] of tried) {
        if (who !== "anonymous" && row.route === "/api/comments") await clearCommentLimits(people[who].id);
        const beforeA = await snapshotOf(people.reader.id, fixture.entryId);
        const beforeComments = await commentsOf(people.reader.id);
        const response =
          row.method === "GET"
            ? await as(who).get(url, { headers: { Accept: "application/json" } })
            : await as(who).post(url, { headers: SAME_ORIGIN, data: row.body?.(fixture, who) ?? {} });
        const body = (await response.body()).toString("latin1");
        const says = `${row.method} ${url} as ${who}`;
        expect.soft(response.status(), `${says}: ${body.slice(0, 300)}`).toBe(expected);
        if (row.says && who !== "anonymous" && who !== "deleted account") expect.soft(body, says).toContain(row.says);
        if (who !== "reader") {
          // Nothing of A's comes back to anyone else, and nothing of A's changed.
          expect.soft(body, says).not.toContain(fixture.secret);
          if (row.onlyForA) expect.soft(body, says).not.toContain(row.onlyForA(fixture));
          expect.soft(await snapshotOf(people.reader.id, fixture.entryId), says).toBe(beforeA);
          expect.soft(await commentsOf(people.reader.id), says).toBe(beforeComments);
        } else if (row.onlyForA && !url.includes("format=zip")) {
          // The same answer to A does hold it: the check above could fail.
          expect.soft(body, says).toContain(row.onlyForA(fixture));
        }
      }
    });
  }

  // Requests from another site carry the victim's cookie; every state-changing route refuses them,
  // with a foreign Origin and with none at all, before it looks at anything else.
  const STATE_CHANGING = ROUTES.filter((r) => r.method === "POST" && r.route !== "/api/auth/[...nextauth]");
  for (const row of [...new Map(STATE_CHANGING.map((r) => [r.route, r])).values()]) {
    test(`cross-site POST ${row.route}: refused with a foreign Origin, "null" or none; nothing changed`, async () => {
      // The owner's own session, so that the request would succeed if it came from the site.
      const who: SignedIn = ["/api/moderation/", "/api/admin/"].some((p) => row.route.startsWith(p))
        ? "admin"
        : "reader";
      const beforeA = await snapshotOf(people.reader.id, fixture.entryId);
      const beforeComments = await commentsOf(people.reader.id);
      const beforeStaff = await look(`SELECT count(*)::int AS n FROM "ModerationLog" WHERE "actorId" = $1`, [
        people.admin.id,
      ]);
      for (const origin of ["https://elsewhere.example", null, "null"] as const) {
        const headers: Record<string, string> = { Accept: "application/json" };
        if (origin) headers.Origin = origin;
        const data = row.body?.(fixture, who) ?? {};
        if (row.route === "/api/reflections/save") Object.assign(data, { baseVersion: 2 });
        const response = await people[who].page.request.post(row.route, { headers, data });
        const says = `${row.route} with Origin ${origin ?? "(none)"}`;
        expect.soft(response.status(), `${says}: ${await response.text()}`).toBe(403);
        // A form post (no JavaScript) from elsewhere is refused too, back to where it came from.
        if (origin !== "https://elsewhere.example") continue;
        const form = await people[who].page.request.post(row.route, {
          headers: origin ? { Origin: origin } : {},
          form: Object.fromEntries(
            Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
          ),
          maxRedirects: 0,
        });
        expect.soft(form.status(), says).toBe(303);
        expect
          .soft(new URL(form.headers().location ?? "/", ORIGIN).searchParams.get("error"), says)
          .toBe("This form must be sent from this site.");
      }
      // Nothing changed: A's rows, A's comments, the log; and the session itself survived
      // (the sign-out routes were refused too).
      expect.soft(await snapshotOf(people.reader.id, fixture.entryId)).toBe(beforeA);
      expect.soft(await commentsOf(people.reader.id)).toBe(beforeComments);
      expect
        .soft(await look(`SELECT count(*)::int AS n FROM "ModerationLog" WHERE "actorId" = $1`, [people.admin.id]))
        .toEqual(beforeStaff);
      const session = await people[who].page.request.get("/api/auth/session");
      expect.soft(((await session.json()) as { user?: { id?: string } }).user?.id).toBe(people[who].id);
    });
  }

  test("Auth.js's sign-out from another site, without its CSRF token, ends nothing", async () => {
    const response = await people.reader.page.request.post("/api/auth/signout", {
      headers: { Origin: "https://elsewhere.example" },
      form: { callbackUrl: "https://elsewhere.example/" },
      maxRedirects: 0,
    });
    expect(response.headers().location ?? "").not.toContain("elsewhere.example");
    const session = await people.reader.page.request.get("/api/auth/session");
    expect(((await session.json()) as { user?: { id?: string } }).user?.id).toBe(people.reader.id);
  });
});
