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
  return `---\n${lines.join("\n")}\n---\n\nAn introduction.\n\n${steps}\n`;
};

const words = Array.from({ length: 1700 }, () => "word").join(" ");
const steps = `<Step id="first-step" title="A first step" prompt="What would you say first?">\n\n${words}\n\n</Step>`;

describe("guides in content/articles", () => {
  it("has at least the seven guides of the path, in order, with unique slugs", () => {
    const guides = loadGuides();
    expect(guides.length).toBeGreaterThanOrEqual(7);
    expect(guides.map((g) => g.order)).toEqual(guides.map((_, i) => i + 1));
    expect(new Set(guides.map((g) => g.slug)).size).toBe(guides.length);
    for (const guide of guides) {
      expect(guide.words, guide.file).toBeGreaterThanOrEqual(1200);
      expect(guide.words, guide.file).toBeLessThanOrEqual(2500);
      expect(guide.steps.length, guide.file).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("parseGuide", () => {
  it("accepts valid frontmatter", () => {
    const guide = parseGuide("content/articles/a.mdx", frontmatter());
    expect(guide).toMatchObject({ slug: "a-guide", order: 1, tags: ["deciding"] });
    expect(guide.steps).toEqual([
      { id: "first-step", title: "A first step", prompt: "What would you say first?", number: 1 },
    ]);
    expect(guide.published).toEqual(new Date("2026-10-05"));
  });

  it("names the file and the field that is wrong", () => {
    expect(() => parseGuide("content/articles/a.mdx", frontmatter({ slug: "Not A Slug" }))).toThrow(
      /content\/articles\/a\.mdx: invalid guide\n {2}- slug: must be kebab-case/,
    );
    expect(() => parseGuide("content/articles/b.mdx", frontmatter({ published: "someday" }))).toThrow(
      /b\.mdx: invalid guide\n {2}- published: must be a date, YYYY-MM-DD/,
    );
    expect(() => parseGuide("content/articles/c.mdx", frontmatter({ title: "" }))).toThrow(/c\.mdx[\s\S]*- title:/);
    expect(() => parseGuide("content/articles/d.mdx", frontmatter({ colour: "blue" }))).toThrow(/d\.mdx[\s\S]*colour/);
  });

  it("names a step without a prompt, a repeated step id, and a stale reading time", () => {
    const noPrompt = frontmatter().replace(' prompt="What would you say first?"', "");
    expect(() => parseGuide("content/articles/e.mdx", noPrompt)).toThrow(/e\.mdx: invalid guide\n {2}- step 1 \(first-step\): prompt/);
    const twice = frontmatter().replace("</Step>", `</Step>\n\n${steps}`);
    expect(() => parseGuide("content/articles/f.mdx", twice)).toThrow(/f\.mdx[\s\S]*step 2: id first-step is used twice/);
    expect(() => parseGuide("content/articles/g.mdx", frontmatter({ readingMinutes: "30" }))).toThrow(
      /g\.mdx[\s\S]*readingMinutes: is 30, but 1\d{3} words read in about 8/,
    );
  });

  it("refuses two guides with the same slug", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mend-content-"));
    writeFileSync(path.join(dir, "one.mdx"), frontmatter());
    writeFileSync(path.join(dir, "two.mdx"), frontmatter({ order: "2" }));
    expect(() => loadGuides(dir)).toThrow(ContentError);
    expect(() => loadGuides(dir)).toThrow(/two\.mdx: slug or order repeats content\/articles\/one\.mdx/);
  });
});
