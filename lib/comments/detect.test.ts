import { describe, expect, test } from "vitest";
import { findPersonalDetails } from "./detect";
import { MAX_COMMENT_CHARS } from "./limits";

const nothing = { links: [], emails: [], phones: [] };

describe("findPersonalDetails: phone numbers", () => {
  test.each([
    ["her number is 07700 900123, call her and tell her", "07700 900123"],
    ["text him on +44 7700 900123 and say what he did", "+44 7700 900123"],
    ["his new girlfriend is on +1 (415) 555-2671 if anyone wants to warn her", "+1 (415) 555-2671"],
    ["call (415) 555-2671 and ask for Mike, he'll deny everything", "(415) 555-2671"],
    ["she still uses 415.555.2671, I checked", "415.555.2671"],
    ["his work line is 020 7946 0018", "020 7946 0018"],
    ["ring his mum on 0412 345 678, she knows what he's like", "0412 345 678"],
    ["the landline at their place is (02) 9876 5432", "(02) 9876 5432"],
    ["his mobile is 087 123 4567 if you want to give him a piece of your mind", "087 123 4567"],
    ["she's on 021 123 4567 now", "021 123 4567"],
    ["I blocked 98765 43210 but he keeps calling from new numbers", "98765 43210"],
    ["seine Nummer ist 0151 23456789", "0151 23456789"],
    ["son numéro c'est le 06 12 34 56 78", "06 12 34 56 78"],
    ["my ex is at +353 87 123 4567, tell her I said hi", "+353 87 123 4567"],
    ["message 07700900123 and tell him", "07700900123"],
    ["it's 0 7 7 0 0 9 0 0 1 2 3 so the filter doesn't catch it", "0 7 7 0 0 9 0 0 1 2 3"],
    ["try 0770-090-0123 lol", "0770-090-0123"],
    ["number: 00 44 7700 900 123", "00 44 7700 900 123"],
    ["0151/23456789 ist seine Nummer", "0151/23456789"],
  ])("%s", (text, phone) => {
    expect(findPersonalDetails(text)).toEqual({ ...nothing, phones: [phone] });
  });

  test("finds a number hidden in a longer run of digits", () => {
    const padded = findPersonalDetails(`call 07700 900123 ${"1 ".repeat(30)}`).phones;
    expect(padded[0]).toBe("07700 900123 1 1 1 1");
    expect(findPersonalDetails("07700 900123 07700 900456 07700 900789").phones).toEqual([
      "07700 900123",
      "07700 900456",
      "07700 900789",
    ]);
  });

  test("finds several numbers, each once", () => {
    expect(
      findPersonalDetails("his is 07700 900123, hers is 07700 900456, and again his: 07700 900123").phones,
    ).toEqual(["07700 900123", "07700 900456"]);
  });
});

describe("findPersonalDetails: links", () => {
  test.each([
    ["look at his profile https://www.instagram.com/someone and see for yourself", "https://www.instagram.com/someone"],
    ["she posted it all on www.example.org/blog/our-breakup", "www.example.org/blog/our-breakup"],
    ["his business is example.com, leave it a review", "example.com"],
    ["her new bf is on fb.com/some.guy", "fb.com/some.guy"],
    ["the video is at bit.ly/abc123", "bit.ly/abc123"],
    ["find him at example[dot]com/profile", "example[dot]com/profile"],
    ["his site, example (dot) co (dot) uk, has his address", "example (dot) co (dot) uk"],
  ])("%s", (text, link) => {
    expect(findPersonalDetails(text)).toEqual({ ...nothing, links: [link] });
  });

  test("does not count the digits in a link as a phone number", () => {
    expect(findPersonalDetails("see example.com/p/123456789012 for the post")).toEqual({
      ...nothing,
      links: ["example.com/p/123456789012"],
    });
  });
});

describe("findPersonalDetails: email addresses", () => {
  test.each([
    ["email her at jane.doe@example.com and tell her the truth", "jane.doe@example.com"],
    ["write to mailto:mike@example.org", "mailto:mike@example.org"],
    ["his email is mike at example dot com", "mike at example dot com"],
    ["it's mike [at] example [dot] com, spam him", "mike [at] example [dot] com"],
    ["mike(at)example.com", "mike(at)example.com"],
    ["MIKE AT EXAMPLE DOT CO DOT UK and then send it", "MIKE AT EXAMPLE DOT CO DOT UK"],
    ["jane @ example . com", "jane @ example . com"],
    ["reach her: jane{at}example{dot}com", "jane{at}example{dot}com"],
  ])("%s", (text, email) => {
    expect(findPersonalDetails(text)).toEqual({ ...nothing, emails: [email] });
  });

  test("does not count an address's domain as a link", () => {
    expect(findPersonalDetails("her email is jane(at)example.com, her site is example.org")).toEqual({
      ...nothing,
      emails: ["jane(at)example.com"],
      links: ["example.org"],
    });
  });

  test("finds all three kinds in one comment", () => {
    expect(
      findPersonalDetails("He's on 07700 900123, mike@example.com and https://example.com/mike. Don't contact him."),
    ).toEqual({
      links: ["https://example.com/mike"],
      emails: ["mike@example.com"],
      phones: ["07700 900123"],
    });
  });
});

describe("findPersonalDetails: ordinary writing", () => {
  test.each([
    "we were together for 7 years and broke up in 2023",
    "It's been 3 months and I still check my phone every 10 minutes",
    "after 10 years, he left at 10:30 on a Tuesday",
    "I'm 34 and he's 36, we met in 2015 and married 2017-2019",
    "we went from 2019 2020 2021 without a single holiday",
    "it was 50% my fault, maybe 60%",
    "I cry 5-10 times a day, sometimes 20",
    "we split on 12.05.2023 at 10.30 in the morning",
    "the date was 12/05/2023 and I remember every detail",
    "on 2023-05-12 he moved out",
    "he spent £1,200 on her and owes me $15,000",
    "I've walked 10 000 steps a day for 365 days",
    "I'm on day 12 of no contact, 3 weeks and 2 days if you count the slip",
    "I wrote 2,500 words in my journal, chapter 11 section 4",
    "I looked at the stars at 2 a.m. and felt better",
    "my therapist said to look at things differently. So I did",
    "I was at work. Then he called",
    "I give it 10/10, the guides helped me",
    "I'm at peace now, one day at a time",
    "flight BA 286 at 7:45, gate 23",
  ])("%s", (text) => {
    expect(findPersonalDetails(text)).toEqual(nothing);
  });
});

describe("findPersonalDetails: long text", () => {
  test.each([
    ["digits", "1 ".repeat(MAX_COMMENT_CHARS / 2)],
    ["numbers", "12 ".repeat(MAX_COMMENT_CHARS / 3)],
    ["nine digits", "123456789 a ".repeat(MAX_COMMENT_CHARS / 12)],
    ["phone numbers", "07700 900123 ".repeat(MAX_COMMENT_CHARS / 13)],
    ["word at", "a at ".repeat(MAX_COMMENT_CHARS / 5)],
    ["word dot", "x at a dot ".repeat(MAX_COMMENT_CHARS / 11)],
    ["brackets", "a[dot]".repeat(MAX_COMMENT_CHARS / 6)],
    ["dots", "a.".repeat(MAX_COMMENT_CHARS / 2)],
    ["prose", "we were together for 7 years and broke up in 2023. ".repeat(MAX_COMMENT_CHARS / 51)],
  ])("finishes quickly on the longest comment of %s", (_name, text) => {
    const started = performance.now();
    findPersonalDetails(text);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
