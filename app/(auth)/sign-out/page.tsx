import type { Metadata } from "next";
import { signOut } from "@/auth";

export const metadata: Metadata = { title: "Sign out", robots: { index: false } };

export default function SignOutPage() {
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Sign out</h1>
      <p className="mt-2">You can sign in again at any time; everything you saved stays in your account.</p>
      <form
        action={async () => {
          "use server";
          await signOut({ redirectTo: "/" });
        }}
      >
        <button
          type="submit"
          className="mt-6 min-h-11 rounded-md bg-accent-strong px-5 font-medium text-white hover:bg-accent dark:bg-night-accent dark:text-night"
        >
          Sign out
        </button>
      </form>
    </>
  );
}
