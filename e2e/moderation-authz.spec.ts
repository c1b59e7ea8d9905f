// Who may open which moderation page and call which route: one table, one test per row and
// person. Add a page or a route by adding a row.
import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { queryDatabase, test } from "./support/accounts";
import { clearCommentLimits, newPerson, ORIGIN, postComment, SAME_ORIGIN, type Person } from "./support/moderation";

type Who = "anonymous" | "reader" | "another reader" | "moderator" | "admin";
const EVERYONE: Who[] = ["anonymous", "reader", "another reader", "moderator", "admin"];

/** What a page answers: sent to sign in, a 404 that confirms nothing, or the page. */
type PageAnswer = "sign-in" | 404 | 200;

const staffPage = (adminOnly = false): Record<Who, PageAnswer> => ({
  anonymous: "sign-in",
  reader: 404,
  "another reader": 404,
  moderator: adminOnly ? 404 : 200,
  admin: 200,
});

const PAGES: { path: string; expect: Record<Who, PageAnswer> }[] = [
  { path: "/moderation", expect: staffPage() },
  { path: "/moderation?tab=reported", expect: staffPage() },
  { path: "/moderation?tab=recent", expect: staffPage() },
  { path: "/moderation/log", expect: staffPage() },
  { path: "/moderation/guides", expect: staffPage() },
  { path: "/admin/words", expect: staffPage(true) },
  { path: "/admin/moderators", expect: staffPage(true) },
];

/** What the setup made, for the rows' bodies. */
interface Fixture {
  guide: string;
  /** Published at once: a moderator wrote it. */
  staffComment: string;
  /** The reader's own comments, held (new account). */
  readerComment: string;
  readerComment2: string;
  /** An account nobody signs in to, for actions on people. */
  target: { id: string; email: string };
  moderatorId: string;
}

interface RouteRow {
  route: string;
  body: (f: Fixture) => Record<string, unknown>;
  /** Expected statuses; people left out are not tried on this route. Tried in this order. */
  expect: Partial<Record<Who, number>>;
}

const staffRoute = (adminOnly = false): Partial<Record<Who, number>> => ({
  anonymous: 401,
  reader: 403,
  "another reader": 403,
  moderator: adminOnly ? 403 : 200,
  admin: 200,
});

const ROUTES: RouteRow[] = [
  // Moderators' routes. Each body is one that succeeds when allowed, and may be repeated.
  { route: "/api/moderation/comment", body: (f) => ({ id: f.staffComment, action: "feature" }), expect: staffRoute() },
  {
    route: "/api/moderation/user",
    body: (f) => ({ userId: f.target.id, action: "premoderate", reason: "checking access" }),
    expect: staffRoute(),
  },
  { route: "/api/moderation/guide", body: (f) => ({ slug: f.guide, mode: "OPEN" }), expect: staffRoute() },
  {
    route: "/api/admin/words",
    body: () => ({ action: "add", word: `zq${randomBytes(4).toString("hex")}`, list: "SUSPECT" }),
    expect: staffRoute(true),
  },
  {
    route: "/api/admin/roles",
    body: (f) => ({ email: f.target.email, action: "revoke" }),
    expect: staffRoute(true),
  },
  // Readers' routes: signed-in only, and nobody acts on someone else's comment as if it were theirs.
  {
    route: "/api/comments",
    body: (f) => ({ guide: f.guide, body: `Checking who may post, ${randomBytes(4).toString("hex")}.` }),
    expect: { anonymous: 401, reader: 200 },
  },
  {
    route: "/api/comments/edit",
    body: (f) => ({ id: f.readerComment, body: `Edited, ${randomBytes(4).toString("hex")}.` }),
    // Moderators moderate; they never edit someone's words.
    expect: { anonymous: 401, "another reader": 404, moderator: 404, admin: 404, reader: 200 },
  },
  {
    route: "/api/comments/delete",
    body: (f) => ({ id: f.readerComment2 }),
    // The owner's delete goes last: the others must find the comment still there.
    expect: { anonymous: 401, "another reader": 404, moderator: 404, admin: 404, reader: 200 },
  },
  {
    route: "/api/comments/helpful",
    body: (f) => ({ id: f.staffComment, helpful: true }),
    expect: { anonymous: 401, reader: 200 },
  },
  {
    route: "/api/comments/report",
    body: (f) => ({ id: f.staffComment, reason: "OTHER", details: "Checking who may report." }),
    expect: { anonymous: 401, "another reader": 200 },
  },
  {
    route: "/api/comments/mute",
    body: (f) => ({ userId: f.moderatorId, muted: true }),
    expect: { anonymous: 401, reader: 200 },
  },
];

test.describe("moderation access", () => {
  // One setup, then the rows in order (the owner's delete comes after the others' attempts).
  test.describe.configure({ mode: "default" });

  const people = {} as Record<Exclude<Who, "anonymous">, Person>;
  let anonymous: APIRequestContext;
  let fixture: Fixture;
  const as = (who: Who) => (who === "anonymous" ? anonymous : people[who].page.request);

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    people.reader = await newPerson(browser);
    people["another reader"] = await newPerson(browser);
    people.moderator = await newPerson(browser, { role: "MODERATOR" });
    people.admin = await newPerson(browser, { role: "ADMIN" });
    anonymous = await playwrightRequest.newContext({ baseURL: ORIGIN });
    const guide = "the-first-real-conversation";

    const staff = await postComment(
      people.moderator,
      guide,
      `A moderator's comment, ${randomBytes(4).toString("hex")}.`,
    );
    expect(staff.body.comment.state).toBe("published");
    const mine = await postComment(people.reader, guide, `The reader's own words, ${randomBytes(4).toString("hex")}.`);
    const mine2 = await postComment(
      people.reader,
      guide,
      `More of the reader's words, ${randomBytes(4).toString("hex")}.`,
    );
    expect([mine.status, mine2.status]).toEqual([200, 200]);

    const email = `target-${randomBytes(5).toString("hex")}@example.com`;
    const [target] = await queryDatabase<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, 'Far Away Reader', now()) RETURNING id`,
      [`target${randomBytes(8).toString("hex")}`, email],
    );
    fixture = {
      guide,
      staffComment: staff.body.comment.id,
      readerComment: mine.body.comment.id,
      readerComment2: mine2.body.comment.id,
      target: { id: target!.id, email },
      moderatorId: people.moderator.id,
    };
  });

  test.afterAll(async () => {
    await anonymous?.dispose();
    await Promise.all(Object.values(people).map((p) => p.context.close()));
  });

  for (const row of PAGES) {
    for (const who of EVERYONE) {
      const expected = row.expect[who];
      test(`page ${row.path} for ${who} → ${expected}`, async () => {
        const response = await as(who).get(row.path);
        if (expected === "sign-in") {
          expect(new URL(response.url()).pathname).toBe("/sign-in");
          expect(new URL(response.url()).searchParams.get("callbackUrl")).toBe(new URL(row.path, ORIGIN).pathname);
        } else {
          expect(new URL(response.url()).pathname).toBe(new URL(row.path, ORIGIN).pathname);
          expect(response.status()).toBe(expected);
          if (expected === 404) expect(await response.text()).toContain("This page isn’t here");
        }
      });
    }
  }

  for (const row of ROUTES) {
    for (const [who, expected] of Object.entries(row.expect) as [Who, number][]) {
      test(`POST ${row.route} as ${who} → ${expected}`, async () => {
        // New accounts may post once a minute; this check is not about that limit.
        if (who !== "anonymous" && row.route === "/api/comments") await clearCommentLimits(people[who].id);
        const response = await as(who).post(row.route, { headers: SAME_ORIGIN, data: row.body(fixture) });
        expect(response.status(), await response.text()).toBe(expected);
      });
    }
  }

  test("a form from another site is refused before anything else is looked at", async () => {
    const response = await people.admin.page.request.post("/api/moderation/comment", {
      headers: { Origin: "https://elsewhere.example", Accept: "application/json" },
      data: { id: fixture.staffComment, action: "remove", reason: "not from here" },
    });
    expect(response.status()).toBe(403);
    const [row] = await queryDatabase<{ status: string }>(`SELECT status FROM "Comment" WHERE id = $1`, [
      fixture.staffComment,
    ]);
    expect(row!.status).toBe("PUBLISHED");
  });
});
