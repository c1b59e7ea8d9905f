import { describe, expect, it } from "vitest";
import { judge, matchWords, normaliseText, standingProblem, type Standing, type WordEntry } from "./policy";

const banned = (...words: string[]): WordEntry[] => words.map((word) => ({ word, list: "BANNED" }));
const suspect = (...words: string[]): WordEntry[] => words.map((word) => ({ word, list: "SUSPECT" }));

describe("normaliseText", () => {
  it("folds case, compatibility forms and runs of white space, and keeps accents", () => {
    expect(normaliseText("  ＨＥＬＬＯ\n\tThere  ")).toBe("hello there");
    expect(normaliseText("ﬁne")).toBe("fine");
    expect(normaliseText("Café")).toBe("café");
    // A decomposed accent is composed, so both spellings compare equal.
    expect(normaliseText("Cafe\u0301")).toBe(normaliseText("Café"));
  });
});

describe("matchWords", () => {
  it("matches whole words only, in any case", () => {
    const words = banned("hell");
    expect(matchWords("Hell.", words).banned).toEqual(["hell"]);
    expect(matchWords("what the HELL!", words).banned).toEqual(["hell"]);
    expect(matchWords("(hell)", words).banned).toEqual(["hell"]);
    expect(matchWords("hello there, shell", words).banned).toEqual([]);
    expect(matchWords("hell2", words).banned).toEqual([]);
    expect(matchWords("2hell", words).banned).toEqual([]);
  });

  it("treats letters of any script, and accented letters, as part of the word", () => {
    expect(matchWords("spamовый", banned("spam")).banned).toEqual([]);
    expect(matchWords("spamé", banned("spam")).banned).toEqual([]);
    expect(matchWords("é spam é", banned("spam")).banned).toEqual(["spam"]);
    // Accents are kept: one spelling does not stand for the other.
    expect(matchWords("un café", banned("cafe")).banned).toEqual([]);
    expect(matchWords("a cafe", banned("café")).banned).toEqual([]);
    expect(matchWords("un cafe\u0301 noir", banned("café")).banned).toEqual(["café"]);
  });

  it("folds full-width letters and ligatures (NFKC) before comparing", () => {
    expect(matchWords("ｓｐａｍ here", banned("spam")).banned).toEqual(["spam"]);
    expect(matchWords("SPAM", banned("ｓｐａｍ")).banned).toEqual(["ｓｐａｍ"]);
    expect(matchWords("easy ﬁnance", suspect("finance")).suspect).toEqual(["finance"]);
  });

  it("matches phrases across any white space, but still as whole words", () => {
    const words = banned("kill yourself");
    expect(matchWords("just KILL   yourself", words).banned).toEqual(["kill yourself"]);
    expect(matchWords("kill\nyourself", words).banned).toEqual(["kill yourself"]);
    expect(matchWords("kill yourselfish", words).banned).toEqual([]);
    expect(matchWords("skill yourself", words).banned).toEqual([]);
    expect(matchWords("kill, yourself", words).banned).toEqual([]);
  });

  it("takes words with characters that mean something in a regular expression literally", () => {
    expect(matchWords("I write c++ daily", banned("c++")).banned).toEqual(["c++"]);
    expect(matchWords("I write c daily", banned("c++")).banned).toEqual([]);
    expect(matchWords("a.b", banned("a.b")).banned).toEqual(["a.b"]);
    expect(matchWords("axb", banned("a.b")).banned).toEqual([]);
    expect(matchWords("price (usd)", suspect("(usd)")).suspect).toEqual(["(usd)"]);
  });

  it("sorts matches into their lists, naming each word as it was entered, and skips empty entries", () => {
    const words: WordEntry[] = [...banned("Grapefruit", "   "), ...suspect("lottery", "Crypto Coin")];
    expect(matchWords("grapefruit lottery: crypto   coin!", words)).toEqual({
      banned: ["Grapefruit"],
      suspect: ["lottery", "Crypto Coin"],
    });
    expect(matchWords("nothing here", words)).toEqual({ banned: [], suspect: [] });
  });
});

describe("judge", () => {
  const trusted: Standing = { role: "READER", approvedCount: 2, premoderated: false };
  const context = (over: Partial<Parameters<typeof judge>[1]> = {}): Parameters<typeof judge>[1] => ({
    standing: trusted,
    guideMode: "OPEN",
    words: [],
    ...over,
  });

  it("publishes a trusted reader's plain comment", () => {
    expect(judge("Thank you, this helped me today.", context())).toEqual({ outcome: "publish" });
  });

  it("refuses banned words with a message naming them, for staff too", () => {
    const words = [...banned("grapefruit", "kumquat"), ...suspect("lottery")];
    const one = judge("No GRAPEFRUIT please", context({ words }));
    expect(one).toMatchObject({ outcome: "refuse", field: "body" });
    expect(one.outcome === "refuse" && one.message).toMatch(/a word that this site doesn’t allow \(“grapefruit”\)/);
    const two = judge("grapefruit and kumquat", context({ words, standing: { ...trusted, role: "ADMIN" } }));
    expect(two.outcome === "refuse" && two.message).toMatch(
      /words that this site doesn’t allow \(“grapefruit”, “kumquat”\)/,
    );
  });

  it("holds new accounts until two comments were approved", () => {
    expect(judge("hello", context({ standing: { ...trusted, approvedCount: 0 } }))).toEqual({
      outcome: "hold",
      reasons: ["new account"],
    });
    expect(judge("hello", context({ standing: { ...trusted, approvedCount: 1 } }))).toEqual({
      outcome: "hold",
      reasons: ["new account"],
    });
    expect(judge("hello", context({ standing: { ...trusted, approvedCount: 2 } }))).toEqual({ outcome: "publish" });
  });

  it("holds everything from a reader on pre-moderation, and on a pre-moderated guide", () => {
    expect(judge("hello", context({ standing: { ...trusted, premoderated: true } }))).toEqual({
      outcome: "hold",
      reasons: ["a moderator checks this account’s comments first"],
    });
    // Pre-moderation says why, without also calling the account new.
    expect(judge("hello", context({ standing: { ...trusted, approvedCount: 0, premoderated: true } }))).toEqual({
      outcome: "hold",
      reasons: ["a moderator checks this account’s comments first"],
    });
    expect(judge("hello", context({ guideMode: "PREMODERATED" }))).toEqual({
      outcome: "hold",
      reasons: ["every comment on this guide is checked first"],
    });
  });

  it("holds links, email addresses, phone numbers and suspect words, giving every reason", () => {
    const words = suspect("lottery", "crypto");
    const verdict = judge(
      "Win the LOTTERY with crypto at https://example.com, mail win@example.com",
      context({ words }),
    );
    expect(verdict.outcome).toBe("hold");
    expect(verdict.outcome === "hold" && verdict.reasons).toEqual([
      "contains a link",
      "contains an email address",
      "suspect words: lottery, crypto",
    ]);
    const phone = judge("Call me on +44 20 7946 0958 tonight", context());
    expect(phone.outcome === "hold" && phone.reasons).toEqual(["contains a phone number"]);
  });

  it("does not hold staff, whatever they write and wherever", () => {
    for (const role of ["MODERATOR", "ADMIN"] as const) {
      const verdict = judge(
        "See https://example.com or call +44 20 7946 0958 about the lottery",
        context({
          standing: { role, approvedCount: 0, premoderated: true },
          guideMode: "PREMODERATED",
          words: suspect("lottery"),
        }),
      );
      expect(verdict).toEqual({ outcome: "publish" });
    }
  });
});

describe("standingProblem", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  const fine = { emailVerified: new Date("2026-01-01"), bannedAt: null, suspendedUntil: null };

  it("lets a verified reader in good standing comment", () => {
    expect(standingProblem(fine, now)).toBeNull();
    expect(standingProblem({ ...fine, suspendedUntil: new Date("2026-11-20T00:00:00Z") }, now)).toBeNull();
  });

  it("says why a banned, suspended or unverified reader may not", () => {
    expect(standingProblem({ ...fine, bannedAt: now }, now)).toBe("This account can no longer post comments.");
    expect(standingProblem({ ...fine, suspendedUntil: new Date("2026-11-28T09:30:00Z") }, now)).toBe(
      "This account is suspended from commenting until 28 November 2026 at 09:30 (UTC).",
    );
    expect(standingProblem({ ...fine, emailVerified: null }, now)).toMatch(/^Please verify your email address/);
  });
});
