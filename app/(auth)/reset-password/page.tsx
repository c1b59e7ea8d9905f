import type { Metadata } from "next";
import { AccountForm, Field } from "@/components/forms/account-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const params = await searchParams;
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Choose a new password</h1>
      <p className="mt-2 text-muted dark:text-night-muted">Saving it signs you out on every other device.</p>
      <AccountForm
        action="/api/account/reset-password"
        submitLabel="Save the new password"
        initialError={param(params, "error")}
      >
        <input type="hidden" name="token" value={param(params, "token") ?? ""} />
        <Field
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not a commonly used password.`}
        />
      </AccountForm>
    </>
  );
}
