import type { Metadata } from "next";
import { AccountForm } from "@/components/forms/account-form";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Delete your account", robots: { index: false }, referrer: "no-referrer" };

// A button, not the link itself, deletes: mail scanners that open links must not delete an account.
export default async function DeleteAccountPage({ searchParams }: PageProps<"/delete-account">) {
  const params = await searchParams;
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Delete your account</h1>
      <p className="mt-2">
        Confirm, and your account is deleted at once, with your profile, your reading progress and everything else it
        holds. It cannot be undone.
      </p>
      <AccountForm
        action="/api/account/delete-confirm"
        submitLabel="Delete my account"
        pendingLabel="Deleting…"
        variant="danger"
        initialError={param(params, "error")}
      >
        <input type="hidden" name="token" value={param(params, "token") ?? ""} />
      </AccountForm>
    </>
  );
}
