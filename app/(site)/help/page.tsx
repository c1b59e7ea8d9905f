import type { Metadata } from "next";
import { DiscreetToggle } from "@/components/safety/discreet-mode";
import { HelpLines, type HelpLine } from "@/components/safety/help-lines";

export const metadata: Metadata = {
  title: "Not safe at home?",
  description: "Help lines and first steps if you are afraid of a partner or an ex, or in crisis.",
  alternates: { canonical: "/help" },
};

const lines: HelpLine[] = [
  {
    where: "United States",
    name: "National Domestic Violence Hotline",
    how: "Call 1-800-799-7233, or text START to 88788. Free, confidential, day and night.",
  },
  {
    where: "United Kingdom",
    name: "National Domestic Abuse Helpline",
    how: "Call 0808 2000 247, free, day and night.",
  },
  {
    where: "United States",
    name: "988 Suicide & Crisis Lifeline",
    how: "Call or text 988 if you are thinking of ending your life or are in emotional crisis.",
  },
  {
    where: "United Kingdom and Ireland",
    name: "Samaritans",
    how: "Call 116 123, free, any time, about anything that is weighing on you.",
  },
];

export default function HelpPage() {
  return (
    <div className="max-w-2xl">
      <h1 className="font-serif text-4xl font-semibold">Not safe at home?</h1>
      <p className="mt-4 text-lg">
        If you are in danger right now, call your local emergency number: 911 in the United States and Canada, 999 in
        the United Kingdom, 112 across the European Union.
      </p>

      <h2 className="mt-10 font-serif text-2xl font-semibold">People you can talk to today</h2>
      <HelpLines lines={lines} />
      <p className="mt-4 text-muted dark:text-night-muted">
        Elsewhere, search for “domestic abuse helpline” with the name of your country, from a device nobody else checks.
      </p>

      <h2 className="mt-10 font-serif text-2xl font-semibold">Signs that it is not safe to go back</h2>
      <ul className="mt-4 list-disc space-y-2 pl-6">
        <li>You are afraid of how they will react, and you plan your words around their temper.</li>
        <li>They hit, push, choke or threaten you, your children or your pets, even once.</li>
        <li>They check your phone, control your money, or cut you off from friends and family.</li>
        <li>They threaten to hurt themselves if you leave or do not come back.</li>
      </ul>
      <p className="mt-4">
        None of the guides on this site are about getting back into a relationship like that. A hotline advocate can
        help you make a safety plan, whether you stay, leave, or have already left.
      </p>

      <h2 className="mt-10 font-serif text-2xl font-semibold">Keeping your visit private</h2>
      <ul className="mt-4 list-disc space-y-2 pl-6">
        <li>
          The <strong>Quick exit</strong> button at the top of every page, or pressing Escape twice, leaves this site at
          once for a weather page, and this page drops out of the tab’s back history.
        </li>
        <li>
          A private or incognito window keeps no history once it is closed. Otherwise, you can delete this site from
          your browser history afterwards.
        </li>
        <li>Discreet tab gives this site’s tab a plain title and icon, in case someone glances at your screen.</li>
      </ul>
      <div className="mt-6">
        <DiscreetToggle />
      </div>
    </div>
  );
}
