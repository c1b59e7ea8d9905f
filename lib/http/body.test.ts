import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { depthAtMost, readLimitedText } from "./body";

/** A request whose body arrives in `chunks` pieces of `size` bytes, without a Content-Length; counts what was pulled. */
function chunked(chunks: number, size: number) {
  const pulled = { count: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count++;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  const request = new Request("http://localhost/api/x", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled };
}

describe("readLimitedText", () => {
  it("reads a body up to the limit", async () => {
    const { request } = chunked(4, 1024);
    expect(await readLimitedText(request, 4096)).toBe("a".repeat(4096));
  });

  it("stops reading a chunked body as soon as it is over the limit", async () => {
    const { request, pulled } = chunked(1_000, 1024);
    const error = await readLimitedText(request, 4096).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    expect(pulled.count).toBeLessThan(10);
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = new Request("http://localhost/api/x", {
      method: "POST",
      body: "a".repeat(10),
      headers: { "content-length": "99999" },
    });
    await expect(readLimitedText(request, 4096)).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("decodes broken UTF-8 to U+FFFD rather than failing", async () => {
    const request = new Request("http://localhost/api/x", { method: "POST", body: new Uint8Array([0x61, 0xe0, 0xa4]) });
    expect(await readLimitedText(request, 100)).toBe("a\uFFFD");
  });
});

describe("depthAtMost", () => {
  it("measures nesting without recursion, so a very deep value is refused rather than overflowing", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    expect(depthAtMost(deep, 16)).toBe(false);
    expect(depthAtMost({ a: { b: [1, { c: 2 }] } }, 4)).toBe(true);
    expect(depthAtMost({ a: { b: [1, { c: 2 }] } }, 3)).toBe(false);
  });
});
