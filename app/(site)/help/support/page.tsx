// Where the SUPPORT notification leads: for someone another reader was worried about.
import type { Metadata } from "next";
import Link from "next/link";
import { HelpLines, type HelpLine } from "@/components/safety/help-lines";

export const metadata: Metadata = {
  title: "You don’t have to carry this alone",
  description: "People you can talk to today, any time of day or night, if things feel too heavy.",
  alternates: { canonical: "/help/support" },
  robots: { index: false },
};

const lines: HelpLine[] = [
  {
    where: "United States",
    name: "988 Suicide & Crisis Lifeline",
    how: "Call or text 988, any time. You can also chat at 988lifeline.org.",
  },
  {
    where: "United Kingdom and Ireland",
    name: "Samaritans",
    how: "Call 116 123, free, day or night. You don’t have to be suicidal to call: anything weighing on you is enough.",
  },
];

export default function SupportPage() {
  return (
    <div className="max-w-2xl">
      <h1 className="font-serif text-4xl font-semibold text-balance">You don’t have to carry this alone</h1>
      <p className="mt-4 text-lg">
        Someone who read your comment was thinking of you and wanted to make sure you are all right. Nobody is in
        trouble, and nothing about your account has changed. It is simply that, sometimes, words show more pain than we
        realise.
      </p>
      <p className="mt-4">
        A breakup can shake everything at once: sleep, appetite, the future you had pictured. If it feels like too much
        right now, talking to someone can make the next hour easier. These people are there for exactly that, and they
        will listen without judging.
      </p>

      <h2 className="mt-10 font-serif text-2xl font-semibold">People you can talk to today</h2>
      <HelpLines lines={lines} />
      <p className="mt-4">
        If you might act on thoughts of ending your life, or you are in danger, call your local emergency number now:
        911 in the United States and Canada, 999 in the United Kingdom, 112 across the European Union. Elsewhere, search
        for “crisis line” with the name of your country.
      </p>

      <h2 className="mt-10 font-serif text-2xl font-semibold">Small things that help</h2>
      <ul className="mt-4 list-disc space-y-2 pl-6">
        <li>Tell one person you trust how you are really doing, even in a single text.</li>
        <li>Drink some water, eat something small, and step outside for a few minutes if you can.</li>
        <li>Put some distance between yourself and anything you could use to hurt yourself.</li>
        <li>Feelings this strong do pass, even when it doesn’t feel like they will.</li>
      </ul>

      <p className="mt-10">
        If you are afraid of a partner or an ex, or not safe at home,{" "}
        <Link href="/help" className="font-medium text-accent-strong underline dark:text-night-accent">
          there is more help here
        </Link>
        , including domestic abuse helplines and how to keep your visit private.
      </p>
    </div>
  );
}
