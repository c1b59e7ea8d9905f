import type { Metadata, Route } from "next";
import Link from "next/link";
import { ActionButton, ActionForm, Choice, ModerationLive, TextArea } from "@/components/moderation/action-form";
import { MODE_NAMES, plural } from "@/components/moderation/format";
import { ModerationNav } from "@/components/moderation/moderation-nav";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Comments on the guides", robots: { index: false } };

export const dynamic = "force-dynamic";

const MODES = [
  {
    value: "OPEN",
    label: MODE_NAMES.OPEN,
    hint: "Signed-in readers with a confirmed email comment; new accounts, links and suspect words are held.",
  },
  {
    value: "PREMODERATED",
    label: MODE_NAMES.PREMODERATED,
    hint: "Every new comment from a reader waits for a moderator. For guides on raw subjects, or a hard week.",
  },
  { value: "CLOSED", label: MODE_NAMES.CLOSED, hint: "No new comments or replies; what is there stays readable." },
];

export default async function GuideSettingsPage({ searchParams }: PageProps<"/moderation/guides">) {
  const user = await requireRole("MODERATOR", "/moderation/guides");
  const params = await searchParams;
  const guides = await db.guide.findMany({
    orderBy: { position: "asc" },
    select: {
      slug: true,
      title: true,
      commentMode: true,
      _count: { select: { comments: { where: { status: "PUBLISHED" } } } },
    },
  });
  // A form posted without JavaScript comes back with its error and what was chosen.
  const error = param(params, "error");
  const typedSlug = error ? param(params, "slug") : undefined;

  return (
    <>
      <ModerationNav role={user.role} current="guides" />
      <h1 className="font-serif text-3xl font-semibold">Comments on the guides</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Choose how each guide takes comments. A change applies to new comments at once and is kept in the log.
      </p>
      <ModerationLive message={param(params, "message")} error={error}>
        <ul className="mt-6 space-y-6">
          {guides.map((guide) => (
            <li key={guide.slug}>
              <section
                aria-labelledby={`guide-${guide.slug}`}
                className="rounded-lg border border-line bg-white p-5 dark:border-night-line dark:bg-night-raised"
              >
                <h2 id={`guide-${guide.slug}`} className="font-serif text-xl font-semibold">
                  <Link
                    href={`/guides/${guide.slug}` as Route}
                    className="text-accent-strong underline underline-offset-2 dark:text-night-accent"
                  >
                    {guide.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-muted dark:text-night-muted">
                  Now: {MODE_NAMES[guide.commentMode]} · {plural(guide._count.comments, "published comment")}
                </p>
                <ActionForm action="/api/moderation/guide">
                  <input type="hidden" name="slug" value={guide.slug} />
                  <Choice
                    name="mode"
                    legend="Comments on this guide"
                    options={MODES}
                    defaultValue={
                      typedSlug === guide.slug ? (param(params, "mode") ?? guide.commentMode) : guide.commentMode
                    }
                  />
                  <TextArea
                    name="note"
                    label="Private note"
                    hint="Why, for the other moderators."
                    maxLength={1000}
                    defaultValue={typedSlug === guide.slug ? param(params, "note") : undefined}
                  />
                  <div className="mt-4">
                    <ActionButton variant="primary" label={`Save for ${guide.title}`}>
                      Save
                    </ActionButton>
                  </div>
                </ActionForm>
              </section>
            </li>
          ))}
        </ul>
      </ModerationLive>
    </>
  );
}
