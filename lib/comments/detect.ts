// Finds what in a comment could point to a person: links, email addresses and
// phone numbers. The moderation policy holds a comment that has any of them
// for a person to look at, so this errs towards finding too much; it only has
// to leave ordinary writing about years, months, times and ages alone.
import "server-only";
import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js";
import { find as findLinks, test as isLinkable } from "linkifyjs";

export type PersonalDetails = {
  /** URLs and bare domains: "https://…", "www.x.org/path", "example.com". */
  links: string[];
  /** Addresses, also written to dodge a filter: "name at example dot com". */
  emails: string[];
  /** Phone numbers, international or national, in the usual formats. */
  phones: string[];
};

/** Countries whose national formats (no +country code) are looked for. */
const PHONE_COUNTRIES: CountryCode[] = ["US", "GB", "CA", "AU", "IE", "NZ", "IN", "DE", "FR"];

/**
 * Fewer digits than this is not a phone number someone could call from the
 * other side of the world: national numbers in the countries above have at
 * least nine digits with their leading 0, and international ones more. It
 * keeps years, ages, prices and short codes out.
 */
const MIN_PHONE_DIGITS = 9;
const MAX_PHONE_DIGITS = 15;

type Span = { start: number; end: number };

/**
 * Lists what in `text` could identify or reach someone. Each list holds the
 * passages as they are written in the text, in order, without repeats; an
 * address is never also counted as a link, and digits inside a link or an
 * address never as a phone number.
 */
export function findPersonalDetails(text: string): PersonalDetails {
  const emails = findEmails(text);
  const links = findUrls(text).filter((link) => !emails.some((email) => overlaps(link, email)));
  const phones = findPhones(text).filter((phone) => ![...emails, ...links].some((span) => overlaps(phone, span)));
  return { links: passages(text, links), emails: passages(text, emails), phones: passages(text, phones) };
}

// Links and emails -----------------------------------------------------------

// How people write "@" and "." so that a filter does not see an address:
// "name at example dot com", "name [at] example [dot] com", "name(at)example.com",
// "name @ example . com". The separators are turned back into "@" and "." and
// the result must then be an address linkify accepts, with a real TLD.
const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?`;
const LOCAL = String.raw`[a-z0-9._%+-]+`;
const BRACKETED_AT = String.raw`\s*[[({<]\s*at\s*[\])}>]\s*`;
const WORD_AT = String.raw`\s+at\s+`;
const SPACED_AT = String.raw`\s*@\s*`;
const BRACKETED_DOT = String.raw`\s*[[({<]\s*dot\s*[\])}>]\s*`;
const WORD_DOT = String.raw`\s+dot\s+`;
const SPACED_DOT = String.raw`\s+\.\s+`;
const OBFUSCATED_DOT = `(?:${BRACKETED_DOT}|${WORD_DOT}|${SPACED_DOT})`;
const ANY_DOT = `(?:${OBFUSCATED_DOT}|\\.)`;
const OBFUSCATED_EMAIL = new RegExp(
  `(?<![\\w.%+-])(${LOCAL})(${BRACKETED_AT}|${WORD_AT}|${SPACED_AT})(${LABEL}(?:${ANY_DOT}${LABEL})+)`,
  "gi",
);
const LAST_LABEL = new RegExp(`${ANY_DOT}${LABEL}$`, "i");
const DOTS = new RegExp(ANY_DOT, "gi");
const HAS_OBFUSCATED_DOT = new RegExp(OBFUSCATED_DOT, "i");
const IS_WORD_AT = new RegExp(`^${WORD_AT}$`, "i");
// A domain written with "[dot]" or "(dot)": "example[dot]com/path" is a link.
const BRACKETED_DOMAIN = new RegExp(`(?<![\\w.-])${LABEL}(?:(?:${BRACKETED_DOT}|\\.)${LABEL})+(?:/\\S*)?`, "gi");
const HAS_BRACKETED_DOT = new RegExp(BRACKETED_DOT, "i");

function findEmails(text: string): Span[] {
  const spans = findLinks(text, "email").map(({ start, end }) => ({ start, end }));
  for (const match of text.matchAll(OBFUSCATED_EMAIL)) {
    const [, local = "", at = "", fullDomain = ""] = match;
    // An address has no path: "him at example[dot]com/profile" is a link.
    if (text[match.index + match[0].length] === "/") continue;
    // "at" as a word is ordinary English ("look at example.com"), so on its
    // own it takes a "dot" written out too before it counts.
    const wordAt = IS_WORD_AT.test(at);
    // The domain may run on into the next words ("… dot com dot and then"):
    // drop labels from its end until what is left is an address.
    for (let domain = fullDomain; ; domain = domain.replace(LAST_LABEL, "")) {
      const plausible = !wordAt || HAS_OBFUSCATED_DOT.test(domain);
      if (plausible && isLinkable(`${local}@${domain.replace(DOTS, ".")}`, "email")) {
        spans.push({ start: match.index, end: match.index + local.length + at.length + domain.length });
        break;
      }
      if (!LAST_LABEL.test(domain)) break;
    }
  }
  // "mailto:name@example.com" is found as a URL, but it is an address.
  for (const link of findLinks(text, "url")) {
    if (/^mailto:/i.test(link.value)) spans.push({ start: link.start, end: link.end });
  }
  return spans;
}

function findUrls(text: string): Span[] {
  const spans = findLinks(text, "url")
    .filter((link) => !/^mailto:/i.test(link.value))
    .map(({ start, end }) => ({ start, end }));
  for (const match of text.matchAll(BRACKETED_DOMAIN)) {
    const [domain = ""] = match[0].split("/", 1);
    if (HAS_BRACKETED_DOT.test(domain) && isLinkable(domain.replace(DOTS, "."), "url")) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

// Phones ---------------------------------------------------------------------

/** 12.05.2023, 12-5-23, 2023-05-12, possibly followed by a time. */
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)/;
/** 192.168.0.10 */
const IP_ADDRESS = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** "2019 2020 2021", "2015-2019 2023": only years. */
const YEARS = /^(?:19|20)\d\d(?:[ ./-]+(?:19|20)\d\d)+$/;

/**
 * Digits with what phone numbers are written with between them: spaces, dots,
 * hyphens, slashes, brackets and a leading "+".
 */
const NUMERIC_RUN = /[+(]?\d[\d \t().\/-]*\d\)?/g;

/**
 * libphonenumber is given a run only when it has few enough digits to be one
 * or two numbers: on 5,000 characters of "1 1 1…" it takes about a second for
 * each country. Longer runs are left to `digitGroups`.
 */
const MAX_RUN_DIGITS = 40;

function findPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of text.matchAll(NUMERIC_RUN)) {
    const digits = run[0].replace(/\D/g, "").length;
    if (digits < MIN_PHONE_DIGITS) continue;
    if (digits <= MAX_RUN_DIGITS) {
      for (const defaultCountry of PHONE_COUNTRIES) {
        // `extended` accepts numbers that are possible rather than assigned: a
        // number in a range that is new, or reserved for fiction, still
        // reaches someone, or looks as if it does.
        for (const found of findPhoneNumbersInText(run[0], { defaultCountry, extended: true })) {
          spans.push({ start: run.index + found.startsAt, end: run.index + found.endsAt });
        }
      }
    }
    for (const group of digitGroups(run[0])) {
      spans.push({ start: run.index + group.start, end: run.index + group.end });
    }
  }
  return merge(spans.filter((span) => looksLikePhone(text.slice(span.start, span.end))));
}

/**
 * Catches what libphonenumber does not take for a number of any country it
 * tries, such as "0 7 7 0 0 9 0 0 1 2 3", or a number hidden in a longer run
 * ("07700 900123 1 1 1 1"), which it reads as no number at all. Splits `run`
 * at spaces and, from the left, takes as many groups as make at most 15
 * digits; if they make at least 9, that is a number.
 */
function digitGroups(run: string): Span[] {
  const groups = [...run.matchAll(/\S+/g)].map((group) => ({
    start: group.index,
    end: group.index + group[0].length,
    digits: group[0].replace(/\D/g, "").length,
  }));
  const spans: Span[] = [];
  let first = 0;
  while (first < groups.length) {
    let digits = 0;
    let next = first;
    for (let group = groups[next]; group && digits + group.digits <= MAX_PHONE_DIGITS; group = groups[++next]) {
      digits += group.digits;
    }
    if (digits >= MIN_PHONE_DIGITS) {
      spans.push({ start: groups[first]!.start, end: groups[next - 1]!.end });
      first = next;
    } else {
      first += 1;
    }
  }
  return spans;
}

function looksLikePhone(passage: string): boolean {
  const digits = passage.replace(/\D/g, "").length;
  const trimmed = passage.trim();
  return (
    digits >= MIN_PHONE_DIGITS &&
    // An extension adds digits to a number of at most 15.
    digits <= MAX_PHONE_DIGITS + 6 &&
    !DATE.test(trimmed) &&
    !IP_ADDRESS.test(trimmed) &&
    !YEARS.test(trimmed)
  );
}

// Spans ----------------------------------------------------------------------

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Overlapping spans joined, in order: different countries read one number differently. */
function merge(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans.toSorted((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The text of each span, in order, without repeats. */
function passages(text: string, spans: Span[]): string[] {
  const found = merge(spans).map((span) => text.slice(span.start, span.end).trim());
  return [...new Set(found)];
}
