import type { Metadata } from "next";
import { AccountForm, Field } from "@/components/forms/account-form";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Forgot your password", robots: { index: false } };

export default async function ForgotPasswordPage({ searchParams }: PageProps<"/forgot-password">) {
  const params = await searchParams;
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Forgot your password?</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Enter the address of your account and we’ll send a link to choose a new password.
      </p>
      <AccountForm
        action="/api/account/forgot-password"
        submitLabel="Send the link"
        initialError={param(params, "error")}
        initialMessage={param(params, "message")}
      >
        <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={param(params, "email")} />
      </AccountForm>
    </>
  );
}
