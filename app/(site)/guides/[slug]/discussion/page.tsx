// The discussion under a guide as a plain page: rendered on the server, with
// forms that work without JavaScript. The guide page links here from <noscript>.
import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { auth } from "@/auth";
import { commentCount } from "@/components/comments/comment-parts";
import { PlainCommentForm, PlainThreads, type Returned } from "@/components/comments/plain-discussion";
import { listThreads } from "@/lib/comments/service";
import { COMMENT_SORTS, type CommentPage, type CommentSort } from "@/lib/comments/types";
import { getGuide } from "@/lib/content/guides";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { param } from "@/lib/http/search-params";
import { ReturnedNotice } from "@/components/forms/returned-notice";

export const dynamic = "force-dynamic";

const SORT_LABELS: Record<CommentSort, string> = { oldest: "Oldest", newest: "Newest", helpful: "Most helpful" };

export async function generateMetadata({ params }: PageProps<"/guides/[slug]/discussion">): Promise<Metadata> {
  const guide = getGuide((await params).slug);
  if (!guide) return {};
  return {
    title: `Discussion: ${guide.title}`,
    alternates: { canonical: `/guides/${guide.slug}#discussion` },
    robots: { index: false },
  };
}

export default async function DiscussionPage({ params, searchParams }: PageProps<"/guides/[slug]/discussion">) {
  const guide = getGuide((await params).slug);
  if (!guide) notFound();
  const query = await searchParams;
  const requested = param(query, "sort");
  const sort: CommentSort = COMMENT_SORTS.includes(requested as CommentSort) ? (requested as CommentSort) : "oldest";
  const cursor = param(query, "cursor") ?? null;
  const session = await auth();
  const viewerId = session?.user?.id ?? null;
  const here = `/guides/${guide.slug}/discussion`;

  let page: CommentPage | null = null;
  let problem: string | null = null;
  try {
    page = await listThreads(db, { guide: guide.slug, viewerId, sort, cursor });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }

  const returned: Returned = {
    error: param(query, "error"),
    guide: param(query, "guide"),
    parentId: param(query, "parentId"),
    id: param(query, "id"),
    body: param(query, "body"),
    postKey: param(query, "postKey"),
    reason: param(query, "reason"),
    details: param(query, "details"),
  };
  const message = param(query, "message");
  const viewer = page?.viewer ?? null;
  const context = { guide: guide.slug, signedIn: !!viewer, canComment: !!viewer?.canComment, returned };
  const link = (params: Record<string, string>) => `${here}?${new URLSearchParams(params)}` as Route;

  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link
          href={`/guides/${guide.slug}`}
          className="font-medium text-accent-strong underline dark:text-night-accent"
        >
          Back to the guide
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Discussion: {guide.title}</h1>
      {page ? (
        <p className="mt-2 text-muted dark:text-night-muted">
          {page.total === 0 ? "No comments yet." : commentCount(page.total)}
        </p>
      ) : null}

      <ReturnedNotice message={message} error={returned.error} />
      {problem ? (
        <p role="alert" className="mt-4">
          {problem}{" "}
          <Link href={here as Route} className="underline">
            Start from the first comments
          </Link>
          .
        </p>
      ) : null}

      {page && !viewer ? (
        page.guide.mode === "CLOSED" ? (
          <p className="mt-6">This guide is closed to new comments.</p>
        ) : (
          <p className="mt-6">
            <Link
              href={`/sign-in?callbackUrl=${encodeURIComponent(here)}` as Route}
              className="font-medium text-accent-strong underline dark:text-night-accent"
            >
              Sign in to join the discussion
            </Link>
          </p>
        )
      ) : null}
      {viewer && !viewer.canComment ? (
        <p className="mt-6 rounded-md border border-line px-3 py-2 dark:border-night-line">{viewer.reason}</p>
      ) : null}
      {viewer?.canComment ? (
        <PlainCommentForm guide={guide.slug} label="Add to the discussion" submitLabel="Post" returned={returned} />
      ) : null}

      {page && page.threads.length > 0 ? (
        <>
          <nav aria-label="Sort comments" className="mt-8 flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted dark:text-night-muted">Sort by:</span>
            {COMMENT_SORTS.map((s) => (
              <Link
                key={s}
                href={link({ sort: s })}
                aria-current={s === sort ? "page" : undefined}
                className="inline-flex min-h-9 items-center rounded-md px-2 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline"
              >
                {SORT_LABELS[s]}
              </Link>
            ))}
          </nav>
          <PlainThreads threads={page.threads} context={context} />
        </>
      ) : null}

      <div className="mt-8 flex flex-wrap gap-4">
        {cursor ? (
          <Link href={link({ sort })} className="font-medium text-accent-strong underline dark:text-night-accent">
            Back to the first comments
          </Link>
        ) : null}
        {page?.nextCursor ? (
          <Link
            href={link({ sort, cursor: page.nextCursor })}
            className="font-medium text-accent-strong underline dark:text-night-accent"
          >
            Show more comments
          </Link>
        ) : null}
      </div>
    </div>
  );
}
