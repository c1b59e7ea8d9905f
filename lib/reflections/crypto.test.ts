import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createKeyring, decrypt, encrypt, keyId, KeyError, parseKey } from "./crypto";

const key = () => randomBytes(32).toString("base64");

describe("reflection encryption", () => {
  it("round-trips text exactly, including unicode and whitespace", () => {
    const ring = createKeyring(key());
    const text = "Line one\n\n  - a list ✓\r\n*emphasis* 🌿 \u0000 end";
    const sealed = encrypt(ring, text, "u1", "r1");
    expect(sealed.ciphertext.includes(Buffer.from("Line one"))).toBe(false);
    expect(decrypt(ring, sealed.keyId, sealed.ciphertext, "u1", "r1")).toBe(text);
  });

  it("uses a fresh IV every time", () => {
    const ring = createKeyring(key());
    expect(encrypt(ring, "same", "u", "r").ciphertext.equals(encrypt(ring, "same", "u", "r").ciphertext)).toBe(false);
  });

  it("refuses a ciphertext moved to another reflection or author, or tampered with", () => {
    const ring = createKeyring(key());
    const { keyId: id, ciphertext } = encrypt(ring, "private", "u1", "r1");
    expect(() => decrypt(ring, id, ciphertext, "u2", "r1")).toThrow();
    expect(() => decrypt(ring, id, ciphertext, "u1", "r2")).toThrow();
    const tampered = Buffer.from(ciphertext);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decrypt(ring, id, tampered, "u1", "r1")).toThrow();
  });

  it("reads rows sealed with an old key while new rows use the current one", () => {
    const old = key();
    const sealed = encrypt(createKeyring(old), "before rotation", "u", "r");
    const rotated = createKeyring(key(), [old]);
    expect(rotated.currentId).not.toBe(sealed.keyId);
    expect(decrypt(rotated, sealed.keyId, sealed.ciphertext, "u", "r")).toBe("before rotation");
    expect(() => decrypt(createKeyring(key()), sealed.keyId, sealed.ciphertext, "u", "r")).toThrow(KeyError);
  });

  it("explains a malformed key", () => {
    expect(() => parseKey("too-short")).toThrow(/REFLECTIONS_KEY must be 32 bytes written as base64/);
    expect(keyId(parseKey(Buffer.alloc(32, 1).toString("base64")))).toHaveLength(12);
  });
});
