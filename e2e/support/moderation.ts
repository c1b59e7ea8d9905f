// Helpers for the moderation specs: people in their own browser contexts (readers,
// moderators, admins), the comment API as a reader's browser calls it, the queue.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { queryDatabase, signUp, uniqueEmail } from "./accounts";

export const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** What a script on one of the site's pages sends: same origin, JSON answers. */
export const SAME_ORIGIN = { Origin: ORIGIN, Accept: "application/json" };

export type Role = "READER" | "MODERATOR" | "ADMIN";

export interface Person {
  id: string;
  email: string;
  name: string;
  context: BrowserContext;
  page: Page;
}

/** A name no other test uses, so the queue's items can be told apart. */
export const uniqueName = (first = "Quiet") => `${first} Fern ${randomBytes(3).toString("hex")}`;

/**
 * Someone signed up through the site in a browser context of their own (their own
 * network address, so per-IP limits count them alone), email confirmed, with `role`.
 */
export async function newPerson(
  browser: Browser,
  options: { role?: Role; name?: string; verified?: boolean } = {},
): Promise<Person> {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${1 + Math.floor(Math.random() * 250)}, 10.0.0.1` },
  });
  const page = await context.newPage();
  const { email, name } = await signUp(
    page,
    uniqueEmail(options.role?.toLowerCase() ?? "reader"),
    options.name ?? uniqueName(),
  );
  const [row] = await queryDatabase<{ id: string }>(
    `UPDATE "User" SET role = $2::"Role", "emailVerified" = CASE WHEN $3 THEN now() ELSE NULL END
     WHERE email = $1 RETURNING id`,
    [email, options.role ?? "READER", options.verified ?? true],
  );
  return { id: row!.id, email, name, context, page };
}

/**
 * New accounts may post one comment a minute (and trusted ones one in 15 seconds): the
 * specs post faster than any person would, so they clear the author's comment limits first.
 */
export async function clearCommentLimits(userId: string) {
  await queryDatabase(`DELETE FROM "RateLimit" WHERE key = ANY($1)`, [
    ["newCommentBurst", "newCommentHourly", "commentBurst", "commentHourly"].map((name) => `${name}:${userId}`),
  ]);
}

export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A POST from the page's own scripts: same origin, JSON in and out. */
export async function apiPost(page: Page, path: string, data: Record<string, unknown>): Promise<ApiAnswer> {
  const response = await page.request.post(path, { headers: SAME_ORIGIN, data });
  return { status: response.status(), body: await response.json().catch(() => null) };
}

/** Posts a comment as `person` through the comment API, after clearing their limits. */
export async function postComment(person: Person, guide: string, body: string, parentId?: string): Promise<ApiAnswer> {
  await clearCommentLimits(person.id);
  return apiPost(person.page, "/api/comments", { guide, body, parentId: parentId ?? null });
}

/** Makes a person's comments publish at once: two of them, approved earlier. */
export async function makeTrusted(person: Person, guide: string) {
  for (let i = 0; i < 2; i++) {
    await queryDatabase(
      `INSERT INTO "Comment" (id, "guideSlug", "authorId", body, html, status, "approvedAt", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'PUBLISHED', now(), now(), now())`,
      [
        `seed${randomBytes(8).toString("hex")}`,
        guide,
        person.id,
        `An earlier comment, ${i}.`,
        `<p>An earlier comment, ${i}.</p>`,
      ],
    );
  }
}

/** The queue item of a comment, found on whichever page of the tab it is. */
export async function queueItem(page: Page, tab: "pending" | "reported" | "recent", heading: RegExp): Promise<Locator> {
  await page.goto(tab === "pending" ? "/moderation" : `/moderation?tab=${tab}`);
  for (;;) {
    const item = page.getByRole("article", { name: heading });
    if ((await item.count()) > 0) return item;
    const next = page.getByRole("link", { name: /^(Next page|Older)$/ });
    if ((await next.count()) === 0) throw new Error(`No queue item ${heading} under ${tab}`);
    const before = page.url();
    await next.click();
    await page.waitForURL((url) => url.toString() !== before);
  }
}

export async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
