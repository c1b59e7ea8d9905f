// Which OAuth providers are configured, and the origin each one's sign-in page
// is on. auth.ts turns a provider on from the same variables, and proxy.ts
// lets forms be sent there (see form-action in lib/security/csp.ts).

type Env = Record<string, string | undefined>;

export const OAUTH_PROVIDERS = {
  github: { variables: ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"], origin: "https://github.com", issuer: undefined },
  // AUTH_GOOGLE_ISSUER moves Google sign-in to another OpenID Connect issuer (the tests' stand-in).
  google: {
    variables: ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    origin: "https://accounts.google.com",
    issuer: "AUTH_GOOGLE_ISSUER",
  },
} as const;

export type OAuthProviderId = keyof typeof OAUTH_PROVIDERS;

export function oauthConfigured(id: OAuthProviderId, env: Env = process.env): boolean {
  return OAUTH_PROVIDERS[id].variables.every((name) => !!env[name]);
}

/** The origins of the configured providers' authorization pages. */
export function oauthOrigins(env: Env = process.env): string[] {
  return (Object.keys(OAUTH_PROVIDERS) as OAuthProviderId[])
    .filter((id) => oauthConfigured(id, env))
    .map((id) => {
      const { issuer, origin } = OAUTH_PROVIDERS[id];
      const override = issuer ? env[issuer] : undefined;
      return override ? new URL(override).origin : origin;
    });
}
