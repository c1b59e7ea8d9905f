import type { Metadata } from "next";
import { TextLink } from "@/components/forms/text-link";

export const metadata: Metadata = { title: "Your account is deleted", robots: { index: false } };

// Static like the home page: it says only what is true for everyone who lands here.
export default function GoodbyePage() {
  return (
    <div className="max-w-2xl">
      <h1 className="font-serif text-4xl font-semibold">Your account is deleted</h1>
      <p className="mt-4 text-lg">Your account and everything in it are deleted, and you are signed out.</p>
      <p className="mt-4">
        We sent one last email to the address it used, to confirm. After that we will not write again.
      </p>
      <p className="mt-4">
        Thank you for the time you spent here. The guides stay open to everyone, with no account needed, whenever they
        might help.
      </p>
      <p className="mt-6">
        <TextLink href="/">Back to the guides</TextLink>
      </p>
    </div>
  );
}
