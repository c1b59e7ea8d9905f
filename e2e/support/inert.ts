// What would let a payload run, found in a page as the browser built it: shared by the XSS specs.
import type { Page } from "@playwright/test";

/** Everything inside `scope` that would be a way in. */
export async function waysIn(page: Page, scope = "main, header") {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const el of [root, ...root.querySelectorAll("*")]) {
        const tag = el.tagName.toLowerCase();
        // Structured data the site writes at build time is JSON, never run; a payload that broke
        // out of it would be a script element of its own, and found.
        if (tag === "script" && el.getAttribute("type") === "application/ld+json") {
          try {
            JSON.parse(el.textContent ?? "");
            continue;
          } catch {
            found.push("<script type=application/ld+json> that is not JSON");
          }
        }
        if (["script", "iframe", "object", "embed", "style", "frame", "base", "math", "meta", "link"].includes(tag))
          found.push(`<${tag}>`);
        for (const attr of el.getAttributeNames()) {
          if (attr.startsWith("on")) found.push(`${tag}[${attr}]`);
          if (["srcdoc", "formaction", "xlink:href"].includes(attr)) found.push(`${tag}[${attr}]`);
        }
        for (const attr of ["href", "src", "action"]) {
          const value = el.getAttribute(attr);
          if (value === null) continue;
          const url = new URL(value, location.href);
          if (!["http:", "https:", "mailto:"].includes(url.protocol)) found.push(`${tag}[${attr}=${value}]`);
        }
      }
    }
    return found;
  }, scope);
}
