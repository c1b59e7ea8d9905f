// Reads the guides in content/articles. Files are read once per process.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { frontmatterSchema, type Frontmatter } from "@/lib/content/frontmatter";

export interface GuideSource extends Frontmatter {
  file: string;
  body: string;
}

export class ContentError extends Error {
  override name = "ContentError";
}

/** Parses one file's text; throws a ContentError naming the file and field. */
export function parseGuide(file: string, text: string): GuideSource {
  const { data, content } = matter(text);
  const result = frontmatterSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  - ${issue.path.join(".") || "(frontmatter)"}: ${issue.message}`)
      .join("\n");
    throw new ContentError(`${file}: invalid frontmatter\n${problems}`);
  }
  return { ...result.data, file, body: content };
}

/** Reads and checks every guide in `dir` (content/articles unless a test names another). */
export function loadGuides(dir?: string): GuideSource[] {
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

export function getGuides(): GuideSource[] {
  cache ??= loadGuides();
  return cache;
}
