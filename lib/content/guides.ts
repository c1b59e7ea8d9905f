// Reads the guides in content/articles and checks them: frontmatter, steps,
// reading time. A guide that does not pass fails the build, naming the file.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { frontmatterSchema, type Frontmatter } from "@/lib/content/frontmatter";
import { plainText, readSteps, type Step } from "@/lib/content/steps";

const WORDS_PER_MINUTE = 220;

export interface GuideSource extends Frontmatter {
  file: string;
  /** The MDX after the frontmatter. */
  body: string;
  steps: Step[];
  /** The text without markup, for search and word counts. */
  text: string;
  words: number;
}

export class ContentError extends Error {
  override name = "ContentError";
}

/** Parses one file's text; throws a ContentError naming the file and every bad field. */
export function parseGuide(file: string, text: string): GuideSource {
  const { data, content } = matter(text);
  const problems: string[] = [];
  const result = frontmatterSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(`${issue.path.join(".") || "(frontmatter)"}: ${issue.message}`);
  }
  const { steps, problems: stepProblems } = readSteps(content);
  problems.push(...stepProblems);
  const plain = plainText(content);
  const words = plain.split(" ").filter(Boolean).length;
  if (result.success) {
    const expected = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
    if (Math.abs(result.data.readingMinutes - expected) > 1) {
      problems.push(`readingMinutes: is ${result.data.readingMinutes}, but ${words} words read in about ${expected}`);
    }
  }
  if (problems.length > 0 || !result.success) {
    throw new ContentError(`${file}: invalid guide\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  return { ...result.data, file, body: content, steps, text: plain, words };
}

/**
 * Reads and checks every guide in `dir`: content/articles, unless MEND_CONTENT_DIR
 * or the caller names another folder (tests build the site from broken copies).
 */
export function loadGuides(dir = process.env.MEND_CONTENT_DIR): GuideSource[] {
  const folder = dir ? path.resolve(/* turbopackIgnore: true */ dir) : path.join(process.cwd(), "content", "articles");
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".mdx"))
    .sort();
  const guides = files.map((f) =>
    parseGuide(path.join("content", "articles", f), readFileSync(path.join(folder, f), "utf8")),
  );
  const seen = new Map<string, string>();
  for (const g of guides) {
    const other = seen.get(g.slug) ?? seen.get(`order:${g.order}`);
    if (other) throw new ContentError(`${g.file}: slug or order repeats ${other}`);
    seen.set(g.slug, g.file).set(`order:${g.order}`, g.file);
  }
  return guides.sort((a, b) => a.order - b.order);
}

let cache: GuideSource[] | undefined;

/** Every guide, in the order of the path. Read once per process. */
export function getGuides(): GuideSource[] {
  cache ??= loadGuides();
  return cache;
}

export function getGuide(slug: string): GuideSource | undefined {
  return getGuides().find((g) => g.slug === slug);
}

/** The guides before and after this one in the path. */
export function neighbours(slug: string): { previous?: GuideSource; next?: GuideSource } {
  const guides = getGuides();
  const index = guides.findIndex((g) => g.slug === slug);
  return { previous: guides[index - 1], next: guides[index + 1] };
}

/** Other guides that share the most tags with this one. */
export function relatedGuides(slug: string, limit = 3): GuideSource[] {
  const guide = getGuide(slug);
  if (!guide) return [];
  return getGuides()
    .filter((g) => g.slug !== slug)
    .map((g) => ({ g, shared: g.tags.filter((t) => guide.tags.includes(t)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || a.g.order - b.g.order)
    .slice(0, limit)
    .map(({ g }) => g);
}

/** Every tag with its guides, tags sorted by name. */
export function tagIndex(): Map<string, GuideSource[]> {
  const index = new Map<string, GuideSource[]>();
  for (const guide of getGuides()) {
    for (const tag of guide.tags) index.set(tag, [...(index.get(tag) ?? []), guide]);
  }
  return new Map([...index.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export const tagLabel = (tag: string) => tag.replace(/-/g, " ");
