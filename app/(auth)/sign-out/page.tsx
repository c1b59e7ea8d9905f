import type { Metadata } from "next";
import { AccountForm } from "@/components/forms/account-form";

export const metadata: Metadata = { title: "Sign out", robots: { index: false } };

export default function SignOutPage() {
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Sign out</h1>
      <p className="mt-2">You can sign in again at any time; everything you saved stays in your account.</p>
      <AccountForm action="/api/account/sign-out" submitLabel="Sign out" pendingLabel="Signing out…" />
    </>
  );
}
