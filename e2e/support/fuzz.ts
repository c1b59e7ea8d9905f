// Generators of hostile input for the fuzz suite (fast-check), and what every answer to one must be.
import { expect } from "@playwright/test";
import fc from "fast-check";

/** Runs per route and caller; FUZZ_RUNS=200 for a deeper local run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) || 8;

/** Strings that have broken text handling somewhere: surrogates, NUL, noncharacters, bidi, joiners, normalisation. */
export const UNICODE_EDGES = [
  "\uD800",
  "\uDFFF",
  "a\uDC00b\uD83D",
  "\u0000",
  "a\u0000b",
  "\uFFFE",
  "\uFFFF",
  "\uFEFF",
  "\u202Egnp.exe",
  "\u2066\u2067\u2069",
  "\u200D\u200C\u200B",
  "👩‍👩‍👧‍👦",
  "e\u0301\u0302\u0303\u0304\u0305\u0306",
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A",
  "😀🫶🏽𝕳𝖊𝖑𝖑𝖔",
  "\u00E9",
  "e\u0301",
  "\u212B",
  "\u0041\u030A",
  "\u2028\u2029",
  "\r\n\t\v\f",
  "İıſß",
  "\uD83D\uDE00".repeat(3),
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "%00%ff",
  "${7*7}{{7*7}}",
  "__proto__",
  "constructor",
];

/** Any single UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

export const edgeString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 40 }),
  fc.constantFrom(...UNICODE_EDGES),
  fc.array(fc.constantFrom(...UNICODE_EDGES), { minLength: 1, maxLength: 12 }).map((parts) => parts.join("")),
  // Very long strings, within and beyond every field's limit (still under the body caps).
  fc
    .tuple(fc.constantFrom("x", "é", "😀", "\u0301", " "), fc.integer({ min: 100, max: 7_000 }))
    .map(([unit, n]) => unit.repeat(n)),
);

/** A value of any JSON type, for a field that expects another. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(edgeString, fc.integer(), fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(edgeString, fc.oneof(edgeString, fc.integer()), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Field name → values that look right, so some payloads get past zod to the handler. */
export type Fields = Record<string, fc.Arbitrary<unknown>>;

/** An object with the route's fields, each plausible, hostile or of the wrong type; some missing, some extra. */
export function fieldsPayload(fields: Fields): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([name, plausible]) =>
    fc
      .tuple(
        fc.constant(name),
        fc.oneof(
          { weight: 5, arbitrary: plausible },
          { weight: 2, arbitrary: edgeString },
          { weight: 2, arbitrary: wrongType },
        ),
        fc.integer({ min: 0, max: 9 }),
      )
      .map(([key, value, drop]) => (drop === 0 ? null : ([key, value] as const))),
  );
  const extra = fc.dictionary(
    fc.oneof(fc.constantFrom("__proto__", "constructor", "role", "id", ""), edgeString),
    wrongType,
    {
      maxKeys: 3,
    },
  );
  return fc.tuple(fc.tuple(...entries), fc.option(extra, { freq: 4 })).map(([kept, more]) => {
    const object: Record<string, unknown> = {};
    // defineProperty, so "__proto__" is sent as a key like any other.
    for (const [key, value] of [...kept.filter((e) => e !== null), ...Object.entries(more ?? {})]) {
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return object;
  });
}

/** JSON text that does not parse, or parses into something other than an object. */
export function malformedJson(sample: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    sample.chain((o) => {
      const text = JSON.stringify(o);
      return fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n));
    }),
    sample.map((o) => JSON.stringify(o).replace(/}$/, ",}")),
    fc.constantFrom(
      "{,}",
      '{"a":1,}',
      "[1,2,]",
      "{'single': 'quotes'}",
      '{"a": NaN}',
      '{"a": undefined}',
      '{"a": 1} trailing',
      '{"a":"\\ud800"}',
      '{"a":"\\u0000"}',
      '"just a string"',
      "42",
      "null",
      "true",
      "[]",
      "[{}]",
      "\uFEFF{}",
      '{"a":\u0000}',
      '{"__proto__": {"polluted": true}}',
      '{"a":1e999999}',
      '{"a":-1e999999}',
      '{"a":123456789012345678901234567890123456789}',
      '{"id":"a","id":{"nested":[1]},"id":null}',
    ),
    fc.integer({ min: 1, max: 12_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
    fc.integer({ min: 1, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth)),
    fc.string({ unit: codeUnit, maxLength: 200 }),
  );
}

/** application/x-www-form-urlencoded bodies with broken escapes and odd separators. */
export const oddFormBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "a=%E0%A4%A",
    "email=%&password=%%",
    "=&&==&",
    "email=%F0%9F%98&name=%C0%AF",
    "id=%00%01%02",
    "body=%ED%A0%80",
    "a=1&a=2&a=3",
    "token=" + "%41".repeat(3_000),
    "+%2B+=++",
    ";;;",
  ),
  fc.string({ unit: fc.constantFrom("%", "=", "&", "+", "a", "0", "E", "F", "\u00FF", "😀"), maxLength: 80 }),
);

export const CONTENT_TYPES = [
  "text/plain",
  "text/plain; charset=utf-8",
  "multipart/form-data; boundary=XyZ",
  "application/xml",
  "application/octet-stream",
  "APPLICATION/JSON",
  "application/json; charset=utf-16",
  "application/x-www-form-urlencoded; charset=iso-8859-1",
  "application/json, application/x-www-form-urlencoded",
  "",
];

/** Random path segments and query values: ids, slugs, broken %-escapes, traversal. */
export const oddSegment: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[\w-]{1,64}$/),
  fc.uuid(),
  fc.constantFrom(
    "%E0%A4%A",
    "%",
    "%%",
    "%00",
    "%ff%fe",
    "%ED%A0%80",
    "..",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2f",
    "..%5C..%5Cwindows",
    "a%2Fb",
    "%C0%AE%C0%AE",
    "%u0041",
    "%F0%9F%98%80",
    "%E2%80%AE",
    "x".repeat(300),
    "-".repeat(101),
    "UPPER-case",
    "%20",
    "__proto__",
    "null",
    "undefined",
  ),
  edgeString
    .filter((s) => s.length > 0 && s.length < 400)
    .map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ""))),
);

/** Strings that show an answer gave internals away. */
const LEAKS = [
  /\bat [\w.<>$]+ \(/, // a stack frame
  /\bat (?:async )?(?:file:|node:|\/)/,
  /prisma/i,
  /ECONNREFUSED|ECONNRESET|EPIPE/,
  /\/work\/|\/home\/|\/usr\/|node_modules|\.next\/server/,
  /\bSyntaxError\b|\bTypeError\b|\bRangeError\b|ReferenceError/,
  /invalid byte sequence|violates|relation "|column "|duplicate key|SQLSTATE/i,
];

export function expectNoLeak(body: string, context: string) {
  for (const leak of LEAKS) expect(body, `${context}: the answer gives internals away (${leak})`).not.toMatch(leak);
}

/** A JSON error answer names the problem in words: a message, not a bare code. */
export function expectJsonErrorMessage(body: string, context: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Error(`${context}: a JSON error answer that is not JSON: ${body.slice(0, 200)}`);
  }
  const record = parsed as { error?: unknown };
  const message =
    typeof record.error === "string"
      ? record.error
      : typeof (record.error as { message?: unknown } | undefined)?.message === "string"
        ? (record.error as { message: string }).message
        : undefined;
  expect(message, `${context}: the error has a message: ${body.slice(0, 200)}`).toMatch(/\w{2,}.*\w/);
  expect(message!.length, context).toBeLessThan(300);
}
