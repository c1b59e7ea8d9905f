import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://mend:secret@db.internal:5432/mend",
  AUTH_SECRET: "x".repeat(32),
  SMTP_URL: "smtp://mend:secret@mail.internal:587",
  REFLECTIONS_KEY: Buffer.alloc(32, 3).toString("base64"),
};

describe("parseEnv", () => {
  it("requires a 32-byte REFLECTIONS_KEY and says how to make one", () => {
    expect(() => parseEnv({ ...valid, REFLECTIONS_KEY: undefined })).toThrow(
      /REFLECTIONS_KEY is required: the key that encrypts reflections/,
    );
    expect(() => parseEnv({ ...valid, REFLECTIONS_KEY: "c2hvcnQ=" })).toThrow(
      /REFLECTIONS_KEY must be 32 bytes written as base64; generate one with `openssl rand -base64 32`/,
    );
  });

  it("accepts a complete production environment and fills in defaults", () => {
    expect(parseEnv(valid)).toEqual({
      ...valid,
      PORT: 3000,
      APP_ENV: "production",
      EMAIL_FROM: "Mend <no-reply@mend.local>",
    });
  });

  it("respects PORT", () => {
    expect(parseEnv({ ...valid, PORT: "8080" }).PORT).toBe(8080);
  });

  it("names every missing variable and says how to fix it", () => {
    const attempt = () => parseEnv({ NODE_ENV: "production" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/DATABASE_URL is required: the PostgreSQL connection string/);
    expect(attempt).toThrow(/AUTH_SECRET is required: generate one with `openssl rand -base64 32`/);
    expect(attempt).toThrow(/SMTP_URL is required when APP_ENV=production: the mail server/);
  });

  it("treats an empty value as unset", () => {
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET is required/);
    expect(parseEnv({ ...valid, PORT: "" }).PORT).toBe(3000);
  });

  it("names an invalid variable", () => {
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://nope" })).toThrow(
      /DATABASE_URL must start with postgresql:\/\//,
    );
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ ...valid, PORT: "99999" })).toThrow(/PORT must be a port number from 1 to 65535/);
    expect(() => parseEnv({ ...valid, AUTH_URL: "not a url" })).toThrow(/AUTH_URL must be a URL/);
  });

  it("requires SMTP_URL in production, and only there", () => {
    const withoutSmtp = { ...valid, SMTP_URL: undefined };
    expect(() => parseEnv(withoutSmtp)).toThrow(/SMTP_URL is required when APP_ENV=production/);
    expect(() => parseEnv({ ...valid, SMTP_URL: "" })).toThrow(/SMTP_URL is required/);
    expect(() => parseEnv({ ...withoutSmtp, APP_ENV: "production" })).toThrow(/SMTP_URL is required/);
    const local = parseEnv({ ...withoutSmtp, APP_ENV: "local" });
    expect(local.APP_ENV).toBe("local");
    expect(local.SMTP_URL).toBeUndefined();
  });

  it("accepts smtp:// and smtps:// mail servers and names anything else", () => {
    expect(parseEnv({ ...valid, SMTP_URL: "smtps://u:p@mail.example:465" }).SMTP_URL).toBe(
      "smtps://u:p@mail.example:465",
    );
    expect(parseEnv({ ...valid, APP_ENV: "local", SMTP_URL: "smtp://127.0.0.1:2525" }).SMTP_URL).toBe(
      "smtp://127.0.0.1:2525",
    );
    for (const bad of ["http://mail.example", "mail.example:587", "not a url"]) {
      expect(() => parseEnv({ ...valid, SMTP_URL: bad })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    }
  });

  it("names an unknown APP_ENV", () => {
    expect(() => parseEnv({ ...valid, APP_ENV: "staging" })).toThrow(/APP_ENV must be "local" or "production"/);
  });

  it("accepts EMAIL_FROM as an address or Name <address>", () => {
    expect(parseEnv({ ...valid, EMAIL_FROM: "hello@mend.example" }).EMAIL_FROM).toBe("hello@mend.example");
    expect(parseEnv({ ...valid, EMAIL_FROM: "Mend Team <hello@mend.example>" }).EMAIL_FROM).toBe(
      "Mend Team <hello@mend.example>",
    );
    for (const bad of ["Mend", "Mend <>", "<hello@mend.example", "hello at mend.example"]) {
      expect(() => parseEnv({ ...valid, EMAIL_FROM: bad })).toThrow(
        /EMAIL_FROM must be an address or `Name <address>`/,
      );
    }
  });

  it("lets rate limits be turned off only when APP_ENV=local", () => {
    expect(parseEnv(valid).MEND_RATE_LIMITS).toBeUndefined();
    expect(parseEnv({ ...valid, MEND_RATE_LIMITS: "on" }).MEND_RATE_LIMITS).toBe("on");
    expect(parseEnv({ ...valid, APP_ENV: "local", MEND_RATE_LIMITS: "off" }).MEND_RATE_LIMITS).toBe("off");
    expect(() => parseEnv({ ...valid, MEND_RATE_LIMITS: "off" })).toThrow(
      /MEND_RATE_LIMITS may be "off" only when APP_ENV=local/,
    );
    // APP_ENV defaults to production, so "off" alone is refused too.
    expect(() => parseEnv({ ...valid, APP_ENV: undefined, MEND_RATE_LIMITS: "off" })).toThrow(/MEND_RATE_LIMITS/);
    expect(() => parseEnv({ ...valid, MEND_RATE_LIMITS: "no" })).toThrow(/MEND_RATE_LIMITS must be "on" or "off"/);
  });
});
