import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { describe, expect, it } from "vitest";
import { OAUTH_PROVIDERS, oauthConfigured, oauthOrigins } from "@/lib/security/oauth-origins";

describe("oauthOrigins", () => {
  it("is empty when no provider is configured", () => {
    expect(oauthOrigins({})).toEqual([]);
  });

  it("needs both the id and the secret of a provider", () => {
    expect(oauthConfigured("github", { AUTH_GITHUB_ID: "id" })).toBe(false);
    expect(oauthOrigins({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret" })).toEqual(["https://github.com"]);
    expect(
      oauthOrigins({ AUTH_GITHUB_ID: "a", AUTH_GITHUB_SECRET: "b", AUTH_GOOGLE_ID: "c", AUTH_GOOGLE_SECRET: "d" }),
    ).toEqual(["https://github.com", "https://accounts.google.com"]);
  });

  it("names the origins Auth.js really sends people to", () => {
    const github = GitHub({ clientId: "id", clientSecret: "secret" });
    const authorization = github.authorization;
    const url = typeof authorization === "string" ? authorization : authorization?.url;
    expect(new URL(String(url)).origin).toBe(OAUTH_PROVIDERS.github.origin);
    // Google is OpenID Connect: its authorization endpoint is found under the issuer.
    expect(new URL(String(Google({ clientId: "id", clientSecret: "secret" }).issuer)).origin).toBe(
      OAUTH_PROVIDERS.google.origin,
    );
  });
  it("follows AUTH_GOOGLE_ISSUER when Google sign-in is pointed at another issuer", () => {
    expect(
      oauthOrigins({ AUTH_GOOGLE_ID: "id", AUTH_GOOGLE_SECRET: "s", AUTH_GOOGLE_ISSUER: "http://127.0.0.1:4555/" }),
    ).toEqual(["http://127.0.0.1:4555"]);
  });
});
