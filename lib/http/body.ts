// Reads a request's body up to a limit, and no further: a body sent without a
// Content-Length (chunked) is counted as it arrives and dropped once over the limit,
// instead of being held in memory whole before anyone measures it.
import { AppError } from "@/lib/errors";

/** The largest form body (32 KiB); a route may allow more. */
export const MAX_FORM_BYTES = 32 * 1024;

export const TOO_LARGE = "That is more than this form accepts.";

export async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("payload_too_large", TOO_LARGE);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large", TOO_LARGE);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The body as text (UTF-8; a broken sequence becomes U+FFFD rather than an error). */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(request, maxBytes));
}

/** No form nests deeper than this; a deeper body is refused before anything walks it. */
export const MAX_JSON_DEPTH = 16;

/** Whether objects and arrays nest no deeper than `max` (counted without recursion). */
export function depthAtMost(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== "object") continue;
    if (depth > max) return false;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return true;
}
