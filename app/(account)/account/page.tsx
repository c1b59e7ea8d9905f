import type { Metadata } from "next";
import Link from "next/link";
import { YourData } from "@/components/account/your-data";
import { MutedList } from "@/components/comments/muted-list";
import { AccountForm, Field } from "@/components/forms/account-form";
import { getOwnAccount } from "@/lib/accounts/queries";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { requireUser } from "@/lib/auth/session";
import { listMuted } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { param } from "@/lib/http/search-params";
import { formatDate } from "@/components/articles/guide-meta";
import { ReturnedNotice } from "@/components/forms/returned-notice";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const NOTICES: Record<string, string> = {
  welcome: "Welcome. Your account is ready; we sent a link to confirm your email.",
  verified: "Thank you: your email is confirmed.",
  reset: "Your new password is saved, and every other device is signed out.",
  "email-changed": "Your new email address is confirmed and in use.",
};

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 border-t border-line pt-8 dark:border-night-line">
      <h2 id={id} className="font-serif text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requireUser("/account");
  const [account, settings, muted] = await Promise.all([
    getOwnAccount(user.id),
    db.user.findUnique({ where: { id: user.id }, select: { notifyRepliesByEmail: true } }),
    listMuted(db, { id: user.id }),
  ]);
  if (!account) return null;
  const params = await searchParams;
  const notice = Object.keys(NOTICES).find((key) => param(params, key));
  // What a form route said, when a form here was sent without JavaScript.
  const message = param(params, "message");
  const error = param(params, "error");

  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Your account</h1>
      <p className="mt-2 text-muted dark:text-night-muted">Member since {formatDate(account.createdAt)}.</p>
      <p className="mt-4">
        <Link href="/journey" className="font-medium text-accent-strong underline dark:text-night-accent">
          Your journey
        </Link>
        : your progress through the guides, and everything you have written.
      </p>
      {user.role === "MODERATOR" || user.role === "ADMIN" ? (
        <p className="mt-2">
          <Link href="/moderation" className="font-medium text-accent-strong underline dark:text-night-accent">
            Moderation
          </Link>
          : the queue of held and reported comments, and the log of every decision.
        </p>
      ) : null}
      <ReturnedNotice message={message} error={error} />
      {notice ? (
        <p role="status" className="mt-4 rounded-md bg-accent-soft px-3 py-2 dark:bg-night-raised">
          {NOTICES[notice]}
        </p>
      ) : null}

      <Section id="email-status" title="Your email">
        <p className="mt-2">
          <span className="font-medium">{account.email}</span>{" "}
          {account.emailVerified ? (
            <span className="text-muted dark:text-night-muted">(confirmed)</span>
          ) : (
            <span className="text-danger dark:text-night-danger">(not confirmed yet)</span>
          )}
        </p>
        <p className="mt-1 text-sm text-muted dark:text-night-muted">Only you can see this address.</p>
        {account.emailVerified ? null : (
          <AccountForm
            action="/api/account/resend-verification"
            submitLabel="Send the confirmation link again"
            variant="secondary"
          >
            <p className="mt-2 text-sm">
              Confirm your address to comment under the guides. Reading, progress and reflections work already.
            </p>
          </AccountForm>
        )}
        <h3 className="mt-6 font-semibold">Change your email</h3>
        <AccountForm action="/api/account/email" submitLabel="Send a confirmation link" variant="secondary">
          <Field name="email" label="New email" type="email" autoComplete="email" />
          {account.hasPassword ? (
            <Field name="password" label="Your password" type="password" autoComplete="current-password" />
          ) : null}
        </AccountForm>
      </Section>

      <Section id="display-name" title="Display name">
        <AccountForm action="/api/account/name" submitLabel="Save name" variant="secondary">
          <Field
            name="name"
            label="Display name"
            autoComplete="nickname"
            defaultValue={account.name ?? ""}
            hint="Shown beside your comments. A pseudonym is fine."
            maxLength={40}
          />
        </AccountForm>
      </Section>

      <Section id="password" title={account.hasPassword ? "Change your password" : "Set a password"}>
        <AccountForm action="/api/account/password" submitLabel="Save password" variant="secondary">
          {account.hasPassword ? (
            <Field name="current" label="Current password" type="password" autoComplete="current-password" />
          ) : null}
          <Field
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. Saving it signs out your other devices.`}
          />
        </AccountForm>
      </Section>

      <Section id="comments" title="Comments">
        <p className="mt-2">
          <Link href="/account/comments" className="font-medium text-accent-strong underline dark:text-night-accent">
            Your comments
          </Link>
          : everything you have posted under the guides, and whether it is published or waiting for a moderator.
        </p>
        <AccountForm action="/api/account/notify-replies" submitLabel="Save email setting" variant="secondary">
          {/* Unticked boxes send nothing: this says "off" unless the box below says "on". */}
          <input type="hidden" name="notify" value="off" />
          <label className="mt-5 flex items-start gap-3">
            <input
              type="checkbox"
              name="notify"
              value="on"
              defaultChecked={settings?.notifyRepliesByEmail ?? false}
              className="mt-1 size-5 accent-accent-strong dark:accent-night-accent"
            />
            <span>
              <span className="font-medium">Email me when someone replies to me</span>
              <span className="block text-sm text-muted dark:text-night-muted">
                Replies always show under the bell at the top of the page; this sends an email too.
              </span>
            </span>
          </label>
        </AccountForm>
        <h3 className="mt-8 font-semibold">People you muted</h3>
        <MutedList people={muted.map(({ id, name }) => ({ id, name }))} />
      </Section>

      <Section id="sessions" title="Devices">
        <p className="mt-2">Signed in somewhere you no longer use? End every session, this one included.</p>
        <AccountForm
          action="/api/account/sign-out-everywhere"
          submitLabel="Sign out of all devices"
          variant="secondary"
        />
        <p className="mt-4">
          <Link href="/sign-out" className="underline">
            Sign out of this device
          </Link>
        </p>
      </Section>

      <YourData hasPassword={account.hasPassword} />
    </>
  );
}
