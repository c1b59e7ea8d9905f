import type { Metadata } from "next";
import { AccountForm } from "@/components/forms/account-form";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Confirm your email", robots: { index: false }, referrer: "no-referrer" };

// A button, not the link itself, confirms: mail scanners that open links must not use up the token.
export default async function VerifyEmailPage({ searchParams }: PageProps<"/verify-email">) {
  const params = await searchParams;
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Confirm your email</h1>
      <p className="mt-2">
        One click and your address is confirmed, so you can join the conversations under each guide.
      </p>
      <AccountForm
        action="/api/account/verify-email"
        submitLabel="Confirm my email"
        initialError={param(params, "error")}
      >
        <input type="hidden" name="token" value={param(params, "token") ?? ""} />
      </AccountForm>
    </>
  );
}
