// A comment's text, written in a small subset of Markdown, turned into HTML
// once when the comment is saved. The stored HTML is later put into the page
// as it is, so what this returns must be safe on its own: the sanitizer's
// schema below is the guarantee, and the steps before it only shape the text.
import "server-only";
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Code, Heading, Html, Image, ImageReference, Parent, Root as MdastRoot, RootContent } from "mdast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkBreaks from "remark-breaks";
import remarkParse from "remark-parse";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import { unified } from "unified";
import { MAX_COMMENT_CHARS } from "./limits";

/**
 * How deep Markdown may nest: quotes and lists in each other, and, apart,
 * emphasis and links in each other. The steps after parsing recurse once per
 * level, and a few thousand levels, which "> > > …" in a long comment gives,
 * overflow the stack.
 */
const MAX_DEPTH = 20;
const BLOCK_CONTAINERS = new Set(["blockquote", "list", "listItem"]);
const UNCOUNTED = new Set(["root", "paragraph", "heading"]);

/** The only schemes a link may have. */
const LINK_PROTOCOLS = ["http", "https", "mailto"];

/** The rel every link gets: no endorsement, written by a user, no window.opener. */
const LINK_REL = ["nofollow", "ugc", "noopener"];

// Every key is given: hast-util-sanitize fills a missing key from its default
// (GitHub's) schema, which allows far more than comments need.
const schema: SanitizeSchema = {
  tagNames: ["p", "em", "strong", "blockquote", "ul", "ol", "li", "a", "br", "code"],
  attributes: {
    // Only absolute links; relative ones and `//host` are dropped. The scheme
    // is checked again, by the protocols below and by `keepAbsoluteLinks`.
    a: [["href", /^(?:https?:\/\/|mailto:)/]],
    ol: [["start", /^\d{1,6}$/]],
  },
  protocols: { href: LINK_PROTOCOLS },
  required: {},
  ancestors: { li: ["ol", "ul"] },
  clobber: [],
  clobberPrefix: "",
  // Elements that are not allowed are replaced by their content, except these,
  // whose content is code or styling rather than words. None of them can come
  // from Markdown without raw HTML; this is for the day that changes.
  strip: ["script", "style", "template", "textarea", "title", "noscript", "iframe", "object", "embed", "svg", "math"],
  allowComments: false,
  allowDoctypes: false,
};

/**
 * Replaces every node nested deeper than `MAX_DEPTH` by its children, so the
 * words stay and the nesting stops. Walks the tree with a list rather than by
 * recursion, for the same reason.
 */
function limitDepth() {
  type Depth = { blocks: number; inlines: number };
  const deeper = (depth: Depth, type: string): Depth | undefined => {
    if (UNCOUNTED.has(type)) return depth;
    const blocks = depth.blocks + (BLOCK_CONTAINERS.has(type) ? 1 : 0);
    const inlines = depth.inlines + (BLOCK_CONTAINERS.has(type) ? 0 : 1);
    return blocks > MAX_DEPTH || inlines > MAX_DEPTH ? undefined : { blocks, inlines };
  };
  return (tree: MdastRoot) => {
    const parents: { node: Parent; depth: Depth }[] = [{ node: tree, depth: { blocks: 0, inlines: 0 } }];
    for (let next = parents.pop(); next; next = parents.pop()) {
      const kept: RootContent[] = [];
      const pending = next.node.children.toReversed();
      for (let child = pending.pop(); child; child = pending.pop()) {
        if (!("children" in child)) {
          kept.push(child);
          continue;
        }
        const depth = deeper(next.depth, child.type);
        if (depth) {
          kept.push(child);
          parents.push({ node: child, depth });
        } else {
          pending.push(...child.children.toReversed());
        }
      }
      next.node.children = kept;
    }
  };
}

/** A paragraph of the lines of `value` as plain text, a `<br>` between each. */
function linesParagraph(value: string): Element {
  const children: ElementContent[] = [];
  value.split(/\r?\n|\r/).forEach((line, index) => {
    if (index > 0) children.push({ type: "element", tagName: "br", properties: {}, children: [] });
    if (line) children.push({ type: "text", value: line });
  });
  return { type: "element", tagName: "p", properties: {}, children };
}

const FLOW_PARENTS = new Set(["root", "blockquote", "listItem"]);

// How the Markdown that comments do not support is written out instead. The
// words stay; only the formatting goes.
const handlers: NonNullable<RemarkRehypeOptions["handlers"]> = {
  // A heading is a paragraph in its own right.
  heading(state, node: Heading) {
    const result: Element = { type: "element", tagName: "p", properties: {}, children: state.all(node) };
    state.patch(node, result);
    return result;
  },
  // A code block keeps its lines, as ordinary text.
  code(state, node: Code) {
    const result = linesParagraph(node.value);
    state.patch(node, result);
    return result;
  },
  // Raw HTML is shown as the text that was typed, never used as HTML: someone
  // writing "I'm <sigh> fine" should see their words, and a tag does nothing.
  html(state, node: Html, parent) {
    if (parent && FLOW_PARENTS.has(parent.type)) {
      const result = linesParagraph(node.value);
      state.patch(node, result);
      return result;
    }
    return { type: "text", value: node.value };
  },
  // An image is its description, if it has one.
  image(_state, node: Image) {
    return node.alt ? { type: "text", value: node.alt } : undefined;
  },
  imageReference(_state, node: ImageReference) {
    return node.alt ? { type: "text", value: node.alt } : undefined;
  },
  thematicBreak() {
    return undefined;
  },
};

/**
 * Unwraps every link whose href is missing or is not an absolute http:,
 * https: or mailto: URL that the URL parser accepts, and writes the ones it
 * keeps as the parser serialises them. A second check behind the sanitizer:
 * an href that reaches the page is one a browser reads the same way.
 */
function keepAbsoluteLinks() {
  return (tree: HastRoot) => {
    const visit = (parent: HastRoot | Element) => {
      const children: HastContent[] = [];
      for (const child of parent.children) {
        if (child.type !== "element") {
          children.push(child);
          continue;
        }
        visit(child);
        if (child.tagName === "a") {
          const href = safeHref(child.properties.href);
          if (href === undefined) {
            children.push(...child.children);
            continue;
          }
          child.properties = { href };
        }
        children.push(child);
      }
      // Unwrapping moves an element's children up, where an element is.
      parent.children = children as ElementContent[];
    };
    visit(tree);
  };
}

function safeHref(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return LINK_PROTOCOLS.includes(url.protocol.slice(0, -1)) ? url.href : undefined;
}

const processor = unified()
  .use(remarkParse)
  // A single newline is a line break: that is how people write comments.
  .use(remarkBreaks)
  .use(limitDepth)
  // No allowDangerousHtml: raw HTML goes through the `html` handler above.
  .use(remarkRehype, { handlers })
  .use(rehypeSanitize, schema)
  .use(keepAbsoluteLinks)
  .use(rehypeExternalLinks, { protocols: LINK_PROTOCOLS, rel: LINK_REL, target: "_blank" })
  .use(rehypeStringify)
  .freeze();

/**
 * Renders a comment's source text as safe HTML. Supports paragraphs, line
 * breaks, *emphasis*, **strong**, > quotes, lists, [links](https://…) and
 * `code`; anything else keeps its words and loses its formatting.
 *
 * Throws a RangeError for text longer than MAX_COMMENT_CHARS: parsing
 * emphasis takes time that grows faster than the text, so longer text must be
 * refused before it gets here.
 */
export function renderCommentMarkdown(source: string): string {
  if (source.length > MAX_COMMENT_CHARS) {
    throw new RangeError(`A comment is at most ${MAX_COMMENT_CHARS} characters; this is ${source.length}.`);
  }
  return String(processor.processSync(source));
}
