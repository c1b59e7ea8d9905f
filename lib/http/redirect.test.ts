import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

const ORIGIN = "https://mend.example";
/** Where a browser on this site would go with `location` as a redirect. */
const followed = (location: string) => new URL(location, `${ORIGIN}/sign-in`).origin;

describe("safeRedirect", () => {
  it.each([
    "/account",
    "/guides/the-apology-that-lands?x=1#discussion",
    "/journey/entries/abc?restored=1&as=2",
    "/search?q=%3Cscript%3E",
  ])("keeps the same-site path %s", (target) => {
    expect(safeRedirect(target, "/fallback")).toBe(target);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\/evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\r\n/evil.example/",
    "/.//evil.example/",
    "/./\\evil.example/",
    "/..//evil.example/",
    " //evil.example/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http:evil.example",
    "",
    42,
    null,
  ])("refuses %j, which a browser would follow off-site or not at all", (target) => {
    expect(safeRedirect(target, "/fallback")).toBe("/fallback");
  });

  it("never answers anything a browser would take off-site", () => {
    const tricky = ["/", "\\", ".", "\t", "\n", "%2F", "%5C", "evil.example", "@", ":", "?", "#"];
    for (const a of tricky)
      for (const b of tricky)
        for (const c of tricky) {
          const answer = safeRedirect(`/${a}${b}${c}evil.example`, "/fallback");
          expect(followed(answer), JSON.stringify(answer)).toBe(ORIGIN);
        }
  });
});
