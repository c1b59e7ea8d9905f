// First-load JavaScript of a page: every script its HTML loads, gzipped, summed.
import { gzipSync } from "node:zlib";

export interface FirstLoad {
  url: string;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
}

/** With `cookie`, the page as a signed-in reader gets it. */
export async function firstLoadJs(url: string, cookie?: string): Promise<FirstLoad> {
  const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not a page`);
  const html = await response.text();
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
  const unique = [...new Set(sources)];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of unique) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { url, scripts: unique.length, rawBytes, gzipBytes };
}
