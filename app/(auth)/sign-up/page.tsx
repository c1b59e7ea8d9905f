import type { Metadata } from "next";
import { AccountForm, Field } from "@/components/forms/account-form";
import { TextLink } from "@/components/forms/text-link";
import { suggestPseudonym } from "@/lib/accounts/pseudonym";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  const suggestion = suggestPseudonym();
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Create an account</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        An account keeps your progress and your reflections, which only you can read. Already have one?{" "}
        <TextLink href="/sign-in">Sign in</TextLink>.
      </p>
      <AccountForm
        action="/api/account/sign-up"
        submitLabel="Create account"
        pendingLabel="Creating your account…"
        initialError={param(params, "error")}
      >
        <Field
          name="name"
          label="Display name"
          autoComplete="nickname"
          hint={`What others see beside your comments. A pseudonym is fine, for example “${suggestion}”.`}
          defaultValue={param(params, "name") ?? suggestion}
          maxLength={40}
        />
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          hint="Only you see it. We’ll send a link to confirm it."
          defaultValue={param(params, "email")}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not a commonly used password.`}
        />
      </AccountForm>
    </>
  );
}
