import type { Metadata } from "next";
import { AccountForm } from "@/components/forms/account-form";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = {
  title: "Confirm your new email",
  robots: { index: false },
  referrer: "no-referrer",
};

export default async function ConfirmEmailPage({ searchParams }: PageProps<"/confirm-email">) {
  const params = await searchParams;
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Confirm your new email</h1>
      <p className="mt-2">Confirm, and this address becomes the one your account uses.</p>
      <AccountForm
        action="/api/account/confirm-email"
        submitLabel="Use this address"
        initialError={param(params, "error")}
      >
        <input type="hidden" name="token" value={param(params, "token") ?? ""} />
      </AccountForm>
    </>
  );
}
