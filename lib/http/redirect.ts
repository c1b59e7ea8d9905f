// Where a form or a sign-in may send the browser next: a path on this site, never elsewhere.

const HERE = "http://this-site.invalid";

/**
 * `target` when it is a path on this site, else `fallback`. The target is read the way a browser
 * reads a Location header (tabs and newlines dropped, "\" taken for "/", "." and ".." resolved),
 * so "/\t/evil.example" or "/.//evil.example" cannot turn into "//evil.example" on the way.
 */
export function safeRedirect(target: unknown, fallback: string): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(target, HERE);
  } catch {
    return fallback;
  }
  // A path that starts with two slashes is read as another host when sent back as it is.
  if (url.origin !== HERE || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
