// Helpers for the comment specs: readers in their own browser contexts, their
// standing set in the database, and comments seeded straight into it.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { queryDatabase, signUp, uniqueEmail } from "./accounts";

/** A client address of its own: per-address limits (five sign-ups an hour) then count this context alone. */
const randomIp = () => `198.18.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`;

export const test = base.extend({
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-forwarded-for": `${randomIp()}, 10.0.0.1` });
  },
});

/** Another person's browser, from its own address. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    ...options,
    extraHTTPHeaders: { "x-forwarded-for": `${randomIp()}, 10.0.0.1` },
  });
  return context.newPage();
}

export interface Reader {
  id: string;
  email: string;
  name: string;
}

const tag = () => randomBytes(3).toString("hex");

/**
 * Signs up a new reader in `page`, with a confirmed email address unless told
 * otherwise. A trusted reader has had two comments approved, so theirs appear at
 * once (and their limit is one comment per 15 seconds, not one a minute).
 */
export async function newReader(
  page: Page,
  { name = `Reader ${tag()}`, verified = true, trusted = false } = {},
): Promise<Reader> {
  const { email } = await signUp(page, uniqueEmail("commenter"), name);
  const [row] = await queryDatabase<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  const id = row!.id;
  if (verified) await queryDatabase(`UPDATE "User" SET "emailVerified" = now() WHERE id = $1`, [id]);
  if (trusted) {
    // Two approved comments, since deleted: they count towards trust and show nowhere.
    for (let i = 0; i < 2; i++) {
      await queryDatabase(
        `INSERT INTO "Comment" (id, "guideSlug", "authorId", depth, body, html, status, "approvedAt", "createdAt", "updatedAt")
         VALUES ($1, 'should-you-try-again', $2, 0, '', '', 'DELETED', now(), now(), now())`,
        [`seed-${tag()}${tag()}`, id],
      );
    }
  }
  return { id, email, name };
}

/**
 * Lets `userId` post again at once. New accounts may post one comment a minute
 * and trusted ones one per 15 seconds; a test that posts several times in a row
 * as the same person clears their counts ("RateLimit" rows keyed by the user id) in between.
 */
export async function clearCommentLimits(userId: string) {
  await queryDatabase(`DELETE FROM "RateLimit" WHERE key LIKE $1`, [`%:${userId.toLowerCase()}`]);
}

export interface Seeded {
  id: string;
  rootId: string | null;
  depth: number;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A comment written straight into the database, published unless told otherwise. */
export async function seedComment(options: {
  guide: string;
  authorId: string;
  text: string;
  parent?: Seeded;
  createdAt?: Date;
  status?: "PUBLISHED" | "PENDING" | "DELETED" | "REMOVED" | "HIDDEN";
  featured?: boolean;
}): Promise<Seeded> {
  const id = `seed-${tag()}${tag()}${tag()}`;
  const status = options.status ?? "PUBLISHED";
  const rootId = options.parent ? (options.parent.rootId ?? options.parent.id) : null;
  const depth = options.parent ? options.parent.depth + 1 : 0;
  const published = status === "PUBLISHED";
  await queryDatabase(
    `INSERT INTO "Comment" (id, "guideSlug", "authorId", "parentId", "rootId", depth, body, html, status,
       featured, "publishedAt", "approvedAt", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::"CommentStatus", $10, $11, $11, $12, $12)`,
    [
      id,
      options.guide,
      options.authorId,
      options.parent?.id ?? null,
      rootId,
      depth,
      status === "DELETED" ? "" : options.text,
      status === "DELETED" ? "" : `<p>${escapeHtml(options.text)}</p>`,
      status,
      options.featured ?? false,
      published ? (options.createdAt ?? new Date()) : null,
      options.createdAt ?? new Date(),
    ],
  );
  if (rootId && published) {
    await queryDatabase(`UPDATE "Comment" SET "replyCount" = "replyCount" + 1 WHERE id = $1`, [rootId]);
  }
  return { id, rootId, depth };
}

/** The discussion section under a guide. */
export const discussion = (page: Page) => page.getByRole("region", { name: /^Discussion/ });

/** The comment whose text (or collapsed line) contains `text`. */
export const comment = (page: Page, text: string | RegExp) =>
  page.locator("article[id^='comment-']").filter({ hasText: text });

/** Opens a guide at its discussion, which then loads at once. */
export async function openDiscussion(page: Page, guide: string) {
  await page.goto(`/guides/${guide}#discussion`);
  await expect(discussion(page).getByText("Loading comments…")).toHaveCount(0);
}

/** Writes and posts a new top-level comment. */
export async function post(page: Page, text: string) {
  await discussion(page).getByLabel("Add to the discussion").fill(text);
  await discussion(page).getByRole("button", { name: "Post", exact: true }).click();
}

export async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

export const unique = (label: string) => `${label} ${tag()}`;
