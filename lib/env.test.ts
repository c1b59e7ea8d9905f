import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://mend:secret@db.internal:5432/mend",
  AUTH_SECRET: "x".repeat(32),
};

describe("parseEnv", () => {
  it("accepts a complete production environment and fills in defaults", () => {
    expect(parseEnv(valid)).toEqual({ ...valid, PORT: 3000 });
  });

  it("respects PORT", () => {
    expect(parseEnv({ ...valid, PORT: "8080" }).PORT).toBe(8080);
  });

  it("names every missing variable and says how to fix it", () => {
    const attempt = () => parseEnv({ NODE_ENV: "production" });
    expect(attempt).toThrow(EnvError);
    expect(attempt).toThrow(/DATABASE_URL is required: the PostgreSQL connection string/);
    expect(attempt).toThrow(/AUTH_SECRET is required: generate one with `openssl rand -base64 32`/);
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
});
