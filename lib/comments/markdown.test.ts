import { parseFragment, serialize, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, test } from "vitest";
import { MAX_COMMENT_CHARS } from "./limits";
import { renderCommentMarkdown } from "./markdown";
import { XSS_PAYLOADS } from "./xss-corpus";

type ParsedNode = DefaultTreeAdapterMap["childNode"];
type ParsedElement = DefaultTreeAdapterMap["element"];

const ALLOWED_TAGS = ["p", "em", "strong", "blockquote", "ul", "ol", "li", "a", "br", "code"];
const ALLOWED_ATTRIBUTES: Record<string, string[]> = { a: ["href", "rel", "target"], ol: ["start"] };
const FORBIDDEN_TAGS = ["script", "iframe", "svg", "math", "style", "object", "embed"];

/** Every element in `html`, as a browser's parser reads it. */
function elementsOf(html: string): ParsedElement[] {
  const found: ParsedElement[] = [];
  const walk = (nodes: ParsedNode[]) => {
    for (const node of nodes) {
      if (!("tagName" in node)) continue;
      found.push(node);
      walk(node.childNodes);
      if (node.tagName === "template") walk((node as DefaultTreeAdapterMap["template"]).content.childNodes);
    }
  };
  walk(parseFragment(html).childNodes);
  return found;
}

/** Parses the output of `source` and checks it against everything the renderer promises. */
function expectSafe(source: string) {
  const html = renderCommentMarkdown(source);
  for (const element of elementsOf(html)) {
    expect(ALLOWED_TAGS, html).toContain(element.tagName);
    expect(element.namespaceURI, html).toBe("http://www.w3.org/1999/xhtml");
    for (const { name, value } of element.attrs) {
      expect(name.startsWith("on"), `${name} in ${html}`).toBe(false);
      expect(["style", "srcdoc", "src"], html).not.toContain(name);
      expect(ALLOWED_ATTRIBUTES[element.tagName] ?? [], `${name} in ${html}`).toContain(name);
      if (name === "href") {
        expect(["http:", "https:", "mailto:"], html).toContain(new URL(value).protocol);
      }
    }
    if (element.tagName === "a") {
      expect(element.attrs.find((a) => a.name === "rel")?.value, html).toBe("nofollow ugc noopener");
      expect(element.attrs.find((a) => a.name === "target")?.value, html).toBe("_blank");
    }
  }
  for (const tag of FORBIDDEN_TAGS) expect(html.toLowerCase()).not.toContain(`<${tag}`);
  // Read, written and read again, the HTML has the same elements: nothing in it
  // changes meaning when a browser re-serialises it (mutation XSS).
  const reread = serialize(parseFragment(html));
  expect(elementsOf(reread).map((e) => e.tagName)).toEqual(elementsOf(html).map((e) => e.tagName));
  return html;
}

describe("renderCommentMarkdown: what comments may use", () => {
  test.each([
    ["plain text", "I miss him.", "<p>I miss him.</p>"],
    ["paragraphs", "First.\n\nSecond.", "<p>First.</p>\n<p>Second.</p>"],
    ["a single newline is a line break", "Day one.\nDay two.", "<p>Day one.<br>\nDay two.</p>"],
    ["emphasis", "It *does* get better", "<p>It <em>does</em> get better</p>"],
    ["emphasis with underscores", "It _does_ get better", "<p>It <em>does</em> get better</p>"],
    ["strong", "Block **everything**", "<p>Block <strong>everything</strong></p>"],
    ["inline code", "Type `no contact` in", "<p>Type <code>no contact</code> in</p>"],
    ["a quote", "> You deserve better", "<blockquote>\n<p>You deserve better</p>\n</blockquote>"],
    ["a bullet list", "- sleep\n- eat\n- walk", "<ul>\n<li>sleep</li>\n<li>eat</li>\n<li>walk</li>\n</ul>"],
    ["a numbered list", "1. cry\n2. call a friend", "<ol>\n<li>cry</li>\n<li>call a friend</li>\n</ol>"],
    [
      "a numbered list keeps its start",
      "3. third\n4. fourth",
      '<ol start="3">\n<li>third</li>\n<li>fourth</li>\n</ol>',
    ],
    [
      "a link",
      "See [this guide](https://example.com/guide)",
      '<p>See <a href="https://example.com/guide" rel="nofollow ugc noopener" target="_blank">this guide</a></p>',
    ],
    [
      "a mailto link",
      "[Write to us](mailto:help@example.org)",
      '<p><a href="mailto:help@example.org" rel="nofollow ugc noopener" target="_blank">Write to us</a></p>',
    ],
    [
      "an autolink",
      "<https://example.com/x>",
      '<p><a href="https://example.com/x" rel="nofollow ugc noopener" target="_blank">https://example.com/x</a></p>',
    ],
    [
      "a reference link",
      "Read [this][1].\n\n[1]: http://example.com/a",
      '<p>Read <a href="http://example.com/a" rel="nofollow ugc noopener" target="_blank">this</a>.</p>',
    ],
  ])("%s", (_name, source, expected) => {
    expect(renderCommentMarkdown(source)).toBe(expected);
  });

  test("nests what it allows", () => {
    expect(renderCommentMarkdown("> - **one**\n> - *two*")).toBe(
      "<blockquote>\n<ul>\n<li><strong>one</strong></li>\n<li><em>two</em></li>\n</ul>\n</blockquote>",
    );
  });

  test("drops a link's title", () => {
    expect(renderCommentMarkdown('[a](https://example.com/ "Title")')).toBe(
      '<p><a href="https://example.com/" rel="nofollow ugc noopener" target="_blank">a</a></p>',
    );
  });

  test("writes an href the way a URL parser does", () => {
    expect(renderCommentMarkdown("[a](https://Example.COM)")).toContain('href="https://example.com/"');
  });

  test("leaves bare URLs and addresses as text", () => {
    expect(renderCommentMarkdown("see https://example.com or www.example.com or me@example.com")).toBe(
      "<p>see https://example.com or www.example.com or me@example.com</p>",
    );
  });

  test("escapes what looks like markup", () => {
    expect(renderCommentMarkdown("I <3 you & 2 < 3")).toBe("<p>I &#x3C;3 you &#x26; 2 &#x3C; 3</p>");
  });

  test("renders an empty comment as nothing", () => {
    expect(renderCommentMarkdown("")).toBe("");
    expect(renderCommentMarkdown("   \n\n ")).toBe("");
  });
});

describe("renderCommentMarkdown: what comments may not use keeps its words", () => {
  test.each([
    ["a heading becomes a paragraph", "# Day 30\n\nStill here.", "<p>Day 30</p>\n<p>Still here.</p>"],
    ["an underlined heading too", "Day 30\n======", "<p>Day 30</p>"],
    ["a heading keeps its emphasis", "## *so* tired", "<p><em>so</em> tired</p>"],
    ["a fenced code block becomes lines of text", "```\nline one\nline two\n```", "<p>line one<br>line two</p>"],
    ["an indented code block too", "    indented", "<p>indented</p>"],
    ["an image becomes its description", "![our dog](https://example.com/dog.png)", "<p>our dog</p>"],
    ["an image without one disappears", "before ![](https://example.com/x.png) after", "<p>before  after</p>"],
    ["a referenced image too", "![the beach][b]\n\n[b]: https://example.com/b.png", "<p>the beach</p>"],
    ["a rule disappears", "before\n\n***\n\nafter", "<p>before</p>\n<p>after</p>"],
    ["a table stays as text", "| a | b |\n| - | - |\n| 1 | 2 |", "<p>| a | b |<br>\n| - | - |<br>\n| 1 | 2 |</p>"],
    ["strikethrough stays as text", "~~him~~", "<p>~~him~~</p>"],
    ["a link that is not http(s) or mailto becomes its text", "[call](tel:+15555550100)", "<p>call</p>"],
    ["a relative link becomes its text", "[home](/home)", "<p>home</p>"],
    ["a protocol-relative link becomes its text", "[x](//example.com)", "<p>x</p>"],
    ["a link with an upper-case scheme becomes its text", "[x](HTTPS://example.com)", "<p>x</p>"],
    ["a link a URL parser rejects becomes its text", "[x](https://)", "<p>x</p>"],
    ["inline raw HTML shows as typed", "I'm <sigh> fine", "<p>I'm &#x3C;sigh> fine</p>"],
    ["block raw HTML shows as typed", "<div>\nhi\n</div>", "<p>&#x3C;div><br>hi<br>&#x3C;/div></p>"],
    ["an HTML comment shows as typed", "<!-- hidden -->", "<p>&#x3C;!-- hidden --></p>"],
  ])("%s", (_name, source, expected) => {
    expect(renderCommentMarkdown(source)).toBe(expected);
  });
});

describe("renderCommentMarkdown: the XSS corpus", () => {
  test("has at least 60 payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
    for (const payload of XSS_PAYLOADS) expect(payload.length).toBeLessThanOrEqual(2000);
  });

  test.each(XSS_PAYLOADS.map((payload) => [JSON.stringify(payload).slice(0, 80), payload]))("%s", (_label, payload) => {
    expectSafe(payload);
    // The same text quoted, in a list and in a paragraph with other words.
    expectSafe(`> ${payload}`);
    expectSafe(`- ${payload}`);
    expectSafe(`Before ${payload} after\n\n**${payload}**`);
  });

  test("shows a script as text", () => {
    expect(renderCommentMarkdown("<script>alert(1)</script>")).toBe("<p>&#x3C;script>alert(1)&#x3C;/script></p>");
  });

  test("keeps the words of a link it refuses", () => {
    expect(renderCommentMarkdown("[click me](javascript:alert(1))")).toBe("<p>click me</p>");
    expect(renderCommentMarkdown("[click me](&#106;avascript&#58;alert(1))")).toBe("<p>click me</p>");
  });

  test("renders the longest comment of nested markup", () => {
    const nested = (open: string, inner: string, close: string) => {
      const depth = Math.floor((MAX_COMMENT_CHARS - inner.length) / (open.length + close.length));
      return open.repeat(depth) + inner + close.repeat(depth);
    };
    const sources = [
      ...["*", "_", "[", "> ", "1. ", "> - ", "<a>", "`", "![", "\\", "*a _b "].map((unit) =>
        unit.repeat(Math.floor(MAX_COMMENT_CHARS / unit.length)),
      ),
      nested("*_", "x", "_*"),
      nested("**__", "x", "__**"),
      nested("[*", "x", "*](https://example.com)"),
      nested("> ", "<script>alert(1)</script>", ""),
    ];
    for (const source of sources) {
      expect(source.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
      const started = performance.now();
      expectSafe(source);
      // Generous: emphasis parsing grows faster than the text. Here to notice a
      // change of library that makes it much worse, not to time the machine.
      expect(performance.now() - started, source.slice(0, 20)).toBeLessThan(10_000);
    }
  });

  test("stops nesting at 20 levels of blocks, and of emphasis, and keeps the words", () => {
    const html = renderCommentMarkdown(`${"> ".repeat(100)}still *here*`);
    expect(html.match(/<blockquote>/g)).toHaveLength(20);
    expect(html).toContain("<p>still <em>here</em></p>");
    const emphasis = renderCommentMarkdown(`${"*a ".repeat(30)}x${" b*".repeat(30)}`);
    expect(emphasis.match(/<em>/g)).toHaveLength(20);
    expect(emphasis.match(/a /g)).toHaveLength(30);
  });

  test("refuses text longer than a comment may be", () => {
    expect(() => renderCommentMarkdown("a".repeat(MAX_COMMENT_CHARS + 1))).toThrow(RangeError);
    expect(renderCommentMarkdown("a".repeat(MAX_COMMENT_CHARS))).toBe(`<p>${"a".repeat(MAX_COMMENT_CHARS)}</p>`);
  });
});
