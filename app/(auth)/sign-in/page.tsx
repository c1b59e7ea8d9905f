import type { Metadata } from "next";
import { oauthProviders } from "@/auth";
import { AccountForm, Field } from "@/components/forms/account-form";
import { TextLink } from "@/components/forms/text-link";
import { safeRedirect } from "@/lib/http/route";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

const AUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    "An account already uses that email address. Sign in with your password or an email link first; you can then connect other sign-in methods.",
  OAuthNoEmail: "That provider did not share an email address, so we can’t sign you in with it.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "That sign-in was not allowed.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = safeRedirect(param(params, "callbackUrl"), "/account");
  const code = param(params, "error");
  const error = code
    ? (AUTH_ERRORS[code] ?? (code.length > 40 ? code : "Sign-in didn’t work. Please try again."))
    : undefined;
  const email = param(params, "email");
  const providers = oauthProviders();

  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Sign in</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Signing in keeps your progress and your private reflections. New here?{" "}
        <TextLink href="/sign-up">Create an account</TextLink>.
      </p>
      {param(params, "signed-out") === "everywhere" ? (
        <p role="status" className="mt-4 rounded-md bg-accent-soft px-3 py-2 text-sm dark:bg-night-raised">
          You are signed out on every device.
        </p>
      ) : null}

      <section aria-labelledby="with-password" className="mt-8">
        <h2 id="with-password" className="font-serif text-xl font-semibold">
          With your password
        </h2>
        <AccountForm
          action="/api/account/sign-in"
          submitLabel="Sign in"
          pendingLabel="Signing in…"
          initialError={error}
        >
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={email} />
          <Field name="password" label="Password" type="password" autoComplete="current-password" />
        </AccountForm>
        <p className="mt-3 text-sm">
          <TextLink href="/forgot-password">Forgot your password?</TextLink>
        </p>
      </section>

      <section aria-labelledby="with-link" className="mt-10 border-t border-line pt-8 dark:border-night-line">
        <h2 id="with-link" className="font-serif text-xl font-semibold">
          With a link by email
        </h2>
        <p className="mt-1 text-sm text-muted dark:text-night-muted">
          We’ll send a link that signs you in. It works once, for 15 minutes. No account yet? The link creates one.
        </p>
        <AccountForm action="/api/account/email-link" submitLabel="Email me a link" variant="secondary">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={email} />
        </AccountForm>
      </section>

      {providers.length > 0 ? (
        <section aria-labelledby="with-provider" className="mt-10 border-t border-line pt-8 dark:border-night-line">
          <h2 id="with-provider" className="font-serif text-xl font-semibold">
            With another account
          </h2>
          {providers.map((provider) => (
            <form key={provider.id} action="/api/account/oauth" method="post">
              <input type="hidden" name="provider" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button
                type="submit"
                className="mt-3 min-h-11 w-full rounded-md border border-line px-4 font-medium hover:bg-accent-soft dark:border-night-line dark:hover:bg-night-raised"
              >
                Continue with {provider.name}
              </button>
            </form>
          ))}
        </section>
      ) : null}
    </>
  );
}
