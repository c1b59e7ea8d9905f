// The local outbox, for following sign-in and reset links on one's own machine
// without a mail server. Exists only with APP_ENV=local and no SMTP_URL; elsewhere it is a 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { listOutbox } from "@/lib/mail/outbox";

// The folder changes with every message sent, so it is read on each request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Outbox",
  robots: { index: false, follow: false },
};

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

// The URL pattern has one capture group, so split() puts every URL at an odd index.
function withLinks(text: string) {
  return text.split(/(https?:\/\/[^\s<>"')\]]*[^\s<>"')\].,;:!?])/g).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="break-all text-accent-strong underline dark:text-night-accent">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function OutboxPage() {
  // Only where mail really stays in the folder: with a mail server, nothing is kept for anyone to read here.
  const env = getEnv();
  if (env.APP_ENV !== "local" || env.SMTP_URL) notFound();
  const messages = await listOutbox();

  return (
    <div className="max-w-3xl">
      <h1 className="font-serif text-4xl font-semibold">Outbox</h1>
      <p className="mt-4 text-muted dark:text-night-muted">
        With no SMTP_URL set, the mail this site sends locally is kept here instead, newest first.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8">Nothing has been sent yet.</p>
      ) : (
        <div className="mt-8 space-y-6">
          {messages.map((message) => (
            <article key={message.id} className="rounded-lg border border-line p-4 dark:border-night-line">
              <h2 className="font-serif text-2xl font-semibold">{message.subject}</h2>
              <p className="mt-1 text-sm text-muted dark:text-night-muted">
                To {message.to} · <time dateTime={message.date}>{when.format(new Date(message.date))}</time>
              </p>
              <pre className="mt-4 font-sans whitespace-pre-wrap break-words">{withLinks(message.text)}</pre>
            </article>
          ))}
        </div>
      )}
    </div>
  );
}
