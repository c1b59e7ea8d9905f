// Reflection text is encrypted at rest with AES-256-GCM (node:crypto). Each
// ciphertext is bound to its reflection and author (additional authenticated
// data), so it cannot be moved to another row, and names the key that sealed
// it, so the key can be rotated while old rows stay readable.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Keyring {
  currentId: string;
  keys: Map<string, Buffer>;
}

export class KeyError extends Error {
  override name = "KeyError";
}

/** A key is 32 random bytes, written as base64 (e.g. `openssl rand -base64 32`). */
export function parseKey(text: string, name = "REFLECTIONS_KEY"): Buffer {
  const key = Buffer.from(text.trim(), text.includes("-") || text.includes("_") ? "base64url" : "base64");
  if (key.length !== 32) {
    throw new KeyError(`${name} must be 32 bytes written as base64; generate one with \`openssl rand -base64 32\`.`);
  }
  return key;
}

export const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 12);

export function createKeyring(current: string, previous: string[] = []): Keyring {
  const currentKey = parseKey(current);
  const keys = new Map(previous.filter(Boolean).map((k) => [keyId(parseKey(k, "REFLECTIONS_OLD_KEYS")), parseKey(k)]));
  keys.set(keyId(currentKey), currentKey);
  return { currentId: keyId(currentKey), keys };
}

const aad = (userId: string, reflectionId: string) => Buffer.from(`reflection:${userId}:${reflectionId}`);

export function encrypt(keyring: Keyring, text: string, userId: string, reflectionId: string) {
  const key = keyring.keys.get(keyring.currentId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(userId, reflectionId));
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return { keyId: keyring.currentId, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

export function decrypt(
  keyring: Keyring,
  keyIdUsed: string,
  ciphertext: Uint8Array,
  userId: string,
  reflectionId: string,
) {
  const key = keyring.keys.get(keyIdUsed);
  if (!key) throw new KeyError(`No key with id ${keyIdUsed}: add it to REFLECTIONS_OLD_KEYS until rotation is done.`);
  const data = Buffer.from(ciphertext);
  const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, IV_BYTES));
  decipher.setAAD(aad(userId, reflectionId));
  decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}

let fromEnv: Keyring | undefined;

/** The keyring from REFLECTIONS_KEY and REFLECTIONS_OLD_KEYS, read once. */
export function envKeyring(): Keyring {
  if (!process.env.REFLECTIONS_KEY) {
    throw new KeyError("REFLECTIONS_KEY is not set: generate one with `openssl rand -base64 32`.");
  }
  fromEnv ??= createKeyring(process.env.REFLECTIONS_KEY, (process.env.REFLECTIONS_OLD_KEYS ?? "").split(","));
  return fromEnv;
}
