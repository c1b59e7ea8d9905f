import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadGuides, parseGuide } from "@/lib/content/guides";

const frontmatter = (overrides: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    title: '"A guide"',
    slug: "a-guide",
    summary: '"A summary that is long enough to mean something."',
    author: '"Mara Ellis"',
    published: "2026-10-05",
    tags: '["deciding"]',
    order: "1",
    readingMinutes: "8",
    ...overrides,
  };
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n\nBody.\n`;
};

describe("guides in content/articles", () => {
  it("has at least the seven guides of the path, in order, with unique slugs", () => {
    const guides = loadGuides();
    expect(guides.length).toBeGreaterThanOrEqual(7);
    expect(guides.map((g) => g.order)).toEqual(guides.map((_, i) => i + 1));
    expect(new Set(guides.map((g) => g.slug)).size).toBe(guides.length);
  });
});

describe("parseGuide", () => {
  it("accepts valid frontmatter", () => {
    const guide = parseGuide("content/articles/a.mdx", frontmatter());
    expect(guide).toMatchObject({ slug: "a-guide", order: 1, tags: ["deciding"] });
    expect(guide.published).toEqual(new Date("2026-10-05"));
  });

  it("names the file and the field that is wrong", () => {
    expect(() => parseGuide("content/articles/a.mdx", frontmatter({ slug: "Not A Slug" }))).toThrow(
      /content\/articles\/a\.mdx: invalid frontmatter\n {2}- slug: must be kebab-case/,
    );
    expect(() => parseGuide("content/articles/b.mdx", frontmatter({ published: "someday" }))).toThrow(
      /b\.mdx: invalid frontmatter\n {2}- published: must be a date, YYYY-MM-DD/,
    );
    expect(() => parseGuide("content/articles/c.mdx", frontmatter({ title: "" }))).toThrow(/c\.mdx[\s\S]*- title:/);
    expect(() => parseGuide("content/articles/d.mdx", frontmatter({ colour: "blue" }))).toThrow(/d\.mdx[\s\S]*colour/);
  });

  it("refuses two guides with the same slug", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mend-content-"));
    writeFileSync(path.join(dir, "one.mdx"), frontmatter());
    writeFileSync(path.join(dir, "two.mdx"), frontmatter({ order: "2" }));
    expect(() => loadGuides(dir)).toThrow(ContentError);
    expect(() => loadGuides(dir)).toThrow(/two\.mdx: slug or order repeats content\/articles\/one\.mdx/);
  });
});
