// Secrets for running Mend on one's own machine, generated once and kept in the
// data folder so that sessions and the embedded database survive restarts.
// Never used when NODE_ENV=production: there every secret must be given.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface LocalSecrets {
  AUTH_SECRET: string;
  EMBEDDED_DB_PASSWORD: string;
  REFLECTIONS_KEY: string;
  /** Never generated: written by hand while a rotation re-encrypts (see the README). */
  REFLECTIONS_OLD_KEYS?: string;
}

const generate = (): LocalSecrets => ({
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  EMBEDDED_DB_PASSWORD: randomBytes(18).toString("base64url"),
  REFLECTIONS_KEY: randomBytes(32).toString("base64"),
});

export function loadLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  const fresh = generate();
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets = { ...fresh, ...stored };
  if (Object.keys(fresh).some((k) => !(k in stored))) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
