// The signed-in reader's own comments across the guides, with where each stands.
import type { Metadata, Route } from "next";
import Link from "next/link";
import { CommentBody, fullDate, relativeTime } from "@/components/comments/comment-parts";
import { requireUser } from "@/lib/auth/session";
import { commentPath } from "@/lib/comments/notifications";
import { ownComments } from "@/lib/comments/service";
import type { CommentView } from "@/lib/comments/types";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Your comments", robots: { index: false } };

function Status({ comment }: { comment: CommentView }) {
  const reason = comment.own?.moderationReason;
  const [label, detail, tone] = (
    {
      published: ["Published", null, "ok"],
      pending: [
        "Waiting for a moderator",
        comment.own?.holdReason ? `Reason: ${comment.own.holdReason}.` : "Only you can see it until it is approved.",
        "wait",
      ],
      hidden: ["Hidden while moderators review it", "Someone reported it; a moderator will decide soon.", "wait"],
      rejected: ["Not published", reason ? `A moderator’s reason: ${reason}` : null, "no"],
      removed: ["Removed", reason ? `A moderator’s reason: ${reason}` : null, "no"],
      deleted: ["Deleted", null, "no"],
    } as const
  )[comment.state];
  const colours = {
    ok: "bg-accent-soft text-accent-strong dark:bg-night-raised dark:text-night-accent",
    wait: "bg-paper text-ink ring-1 ring-line dark:bg-night-raised dark:text-night-ink dark:ring-night-line",
    no: "bg-danger-soft text-danger dark:bg-night-raised dark:text-night-danger",
  }[tone];
  return (
    <p className="text-sm">
      <span className={`inline-block rounded-full px-2 py-0.5 font-semibold ${colours}`}>{label}</span>
      {detail ? <span className="ml-2 text-muted dark:text-night-muted">{detail}</span> : null}
    </p>
  );
}

export default async function OwnCommentsPage() {
  const user = await requireUser("/account/comments");
  const comments = await ownComments(db, { id: user.id });
  return (
    <>
      <p className="text-sm">
        <Link href="/account" className="font-medium text-accent-strong underline dark:text-night-accent">
          Your account
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Your comments</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Everything you have posted under the guides, newest first, and where each one stands. Comments you deleted are
        not listed.
      </p>
      {comments.length === 0 ? (
        <p className="mt-8">
          You haven’t commented yet. When a guide stirs something up, the discussion under it is a good place to say so.
        </p>
      ) : (
        <ol className="mt-8 space-y-6">
          {comments.map((comment) => (
            <li key={comment.id} className="rounded-lg border border-line p-4 dark:border-night-line">
              <article aria-label={`Your comment on ${comment.guide.title}`}>
                <Status comment={comment} />
                <p className="mt-2 text-sm text-muted dark:text-night-muted">
                  On{" "}
                  <Link
                    href={commentPath(comment.guide.slug, comment.id) as Route}
                    className="font-medium text-accent-strong underline dark:text-night-accent"
                  >
                    {comment.guide.title}
                  </Link>{" "}
                  ·{" "}
                  <time dateTime={comment.createdAt} title={fullDate(comment.createdAt)}>
                    {relativeTime(comment.createdAt)}
                  </time>
                  {comment.editedAt ? " · edited" : null}
                  {comment.parentId ? " · a reply" : null}
                </p>
                {comment.html ? <CommentBody html={comment.html} /> : null}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
