import { describe, expect, it } from "vitest";
import { getGuides } from "@/lib/content/guides";
import { searchGuides } from "./guides-index";
import { snippet } from "./options";

describe("searchGuides", () => {
  it("finds a guide by a word that appears only in its body", () => {
    // "betting" appears in the body of one guide only, and in no title or summary.
    const guides = getGuides();
    expect(guides.filter((g) => /\bbetting\b/i.test(g.text)).map((g) => g.slug)).toEqual(["owning-what-went-wrong"]);
    expect(guides.some((g) => /betting/i.test(g.title + g.summary))).toBe(false);
    const hits = searchGuides("betting");
    expect(hits.map((h) => h.slug)).toEqual(["owning-what-went-wrong"]);
    expect(hits[0]?.snippet.toLowerCase()).toContain("betting");
  });

  it("tolerates a typo when nothing matches exactly", () => {
    expect(searchGuides("apolgy").map((h) => h.slug)).toContain("the-apology-that-lands");
  });

  it("ranks a title match first", () => {
    expect(searchGuides("apology")[0]?.slug).toBe("the-apology-that-lands");
  });

  it("returns nothing for an empty or unmatched query, and survives odd input", () => {
    expect(searchGuides("   ")).toEqual([]);
    expect(searchGuides("zzqxjv")).toEqual([]);
    expect(() => searchGuides("\u0000 ((( *** 😀 ".repeat(100))).not.toThrow();
  });
});

describe("snippet", () => {
  it("cuts around the first match on word boundaries", () => {
    const text = "one two three four five six seven eight nine ten";
    expect(snippet(text, ["five"], 8)).toBe("…three four five six…");
  });
});
