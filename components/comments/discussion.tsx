"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { COMMENT_SORTS, type CommentPage, type CommentSort, type CommentView } from "@/lib/comments/types";
import { getClientSession } from "@/lib/session-client";
import { CommentForm, type Posted } from "./comment-form";
import { hasReplies, smallButton } from "./comment-parts";
import { Discussion as DiscussionProvider, Thread, type DiscussionContext } from "./thread";

const SORT_LABELS: Record<CommentSort, string> = { oldest: "Oldest", newest: "Newest", helpful: "Most helpful" };
/** Pages fetched at most to find the comment a link points at. */
const PAGES_TO_FIND = 5;

async function fetchPage(guide: string, sort: CommentSort, cursor: string | null): Promise<CommentPage> {
  const query = new URLSearchParams({ sort, ...(cursor ? { cursor } : {}) });
  const response = await fetch(`/api/guides/${encodeURIComponent(guide)}/comments?${query}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return (await response.json()) as CommentPage;
}

/** Threads from `more` that are not on the page already (a new comment may be there twice). */
function merge(threads: CommentPage["threads"], more: CommentPage["threads"]) {
  const seen = new Set(threads.map((t) => t.comment.id));
  return [...threads, ...more.filter((t) => !seen.has(t.comment.id))];
}

const contains = (threads: CommentPage["threads"], id: string) =>
  threads.some((t) => t.comment.id === id || t.replies.some((r) => r.id === id));

/** Changes one comment wherever it is on the page. */
function mapComments(page: CommentPage, change: (c: CommentView) => CommentView): CommentPage {
  return {
    ...page,
    threads: page.threads.map((t) => ({ ...t, comment: change(t.comment), replies: t.replies.map(change) })),
  };
}

const isPublic = (c: CommentView) => c.state === "published" && !c.placeholder;

/** The time, every `intervalMs`, and a way to take it afresh (after a post, say). */
function useNow(intervalMs: number): [number, () => void] {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  const refresh = useCallback(() => setNow(Date.now()), []);
  return [now, refresh];
}

/**
 * The discussion under a guide, read from the comment API in the browser so the
 * guide page itself stays static. Loaded only when the reader comes near it.
 */
export function Discussion({ guide, onTotal }: { guide: string; onTotal: (total: number) => void }) {
  const [owner, setOwner] = useState<string | null | undefined>(undefined);
  const [page, setPage] = useState<CommentPage | null>(null);
  const [sort, setSort] = useState<CommentSort>("oldest");
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");
  const [more, setMore] = useState<"idle" | "loading" | "failed">("idle");
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [highlight, setHighlight] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ id: string; scroll?: boolean } | null>(null);
  const [posted, setPosted] = useState<string | null>(null);
  const firstLoad = useRef(true);
  const [now, refreshNow] = useNow(30_000);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const session = await getClientSession();
      if (cancelled) return;
      setOwner(session?.user?.id ?? null);
      try {
        const first = await fetchPage(guide, sort, null);
        let { threads, nextCursor } = first;
        // A link to one comment (from a notification): read on until it is on the page.
        const target = firstLoad.current ? /^#comment-([\w-]+)$/.exec(window.location.hash)?.[1] : undefined;
        for (let i = 0; target && !contains(threads, target) && nextCursor && i < PAGES_TO_FIND; i++) {
          const next = await fetchPage(guide, sort, nextCursor);
          threads = merge(threads, next.threads);
          nextCursor = next.nextCursor;
        }
        if (cancelled) return;
        setPage({ ...first, threads, nextCursor });
        setStatus("ready");
        if (target && contains(threads, target)) {
          setHighlight(target);
          setFocusTarget({ id: target, scroll: true });
        }
        if (!firstLoad.current) setAnnouncement(`Comments sorted by ${SORT_LABELS[sort].toLowerCase()}.`);
        firstLoad.current = false;
      } catch {
        if (!cancelled) setStatus("failed");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [guide, sort, attempt]);

  useEffect(() => {
    if (page) onTotal(page.total);
  }, [page, onTotal]);

  useEffect(() => {
    if (!focusTarget) return;
    const element = document.getElementById(`comment-${focusTarget.id}`);
    if (!element) return;
    if (focusTarget.scroll) element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: !!focusTarget.scroll });
  }, [focusTarget]);

  const announce = useCallback((text: string) => {
    // Cleared first, so the same words twice are still read out.
    setAnnouncement("");
    requestAnimationFrame(() => setAnnouncement(text));
  }, []);

  const added = useCallback(
    ({ comment }: Posted) => {
      refreshNow();
      setPage((current) => {
        if (!current) return current;
        const total = current.total + (isPublic(comment) ? 1 : 0);
        if (!comment.parentId) {
          if (contains(current.threads, comment.id)) return current;
          return { ...current, total, threads: [{ comment, replies: [], replyCount: 0 }, ...current.threads] };
        }
        return {
          ...current,
          total,
          threads: current.threads.map((t) =>
            t.comment.id === comment.rootId && !t.replies.some((r) => r.id === comment.id)
              ? {
                  ...t,
                  replies: [...t.replies, comment],
                  replyCount: t.replyCount + (isPublic(comment) ? 1 : 0),
                }
              : t,
          ),
        };
      });
    },
    [refreshNow],
  );

  const replaced = useCallback(
    (comment: CommentView) => {
      refreshNow();
      setPage((current) => {
        if (!current) return current;
        let delta = 0;
        const next = mapComments(current, (c) => {
          if (c.id !== comment.id) return c;
          delta = (isPublic(comment) ? 1 : 0) - (isPublic(c) ? 1 : 0);
          // The answer knows nothing of this reader's marks: keep them.
          return { ...comment, helpful: c.helpful, muted: c.muted };
        });
        return {
          ...next,
          total: next.total + delta,
          threads: next.threads.map((t) =>
            t.comment.id === comment.rootId ? { ...t, replyCount: Math.max(0, t.replyCount + delta) } : t,
          ),
        };
      });
    },
    [refreshNow],
  );

  const removed = useCallback((id: string) => {
    setPage((current) => {
      if (!current) return current;
      const thread = current.threads.find((t) => t.comment.id === id || t.replies.some((r) => r.id === id));
      if (!thread) return current;
      const old = thread.comment.id === id ? thread.comment : thread.replies.find((r) => r.id === id)!;
      const gone: CommentView = {
        ...old,
        state: "deleted",
        placeholder: true,
        author: null,
        html: null,
        own: undefined,
        featured: false,
        helpfulCount: 0,
        editedAt: null,
      };
      const keep = hasReplies(thread, id);
      const wasPublic = isPublic(old) ? 1 : 0;
      const threads = current.threads.flatMap((t) => {
        if (t !== thread) return [t];
        if (t.comment.id === id) return keep ? [{ ...t, comment: gone }] : [];
        return [
          {
            ...t,
            replyCount: Math.max(0, t.replyCount - wasPublic),
            replies: keep ? t.replies.map((r) => (r.id === id ? gone : r)) : t.replies.filter((r) => r.id !== id),
          },
        ];
      });
      return { ...current, total: current.total - wasPublic, threads };
    });
    setFocusTarget({ id });
  }, []);

  const mutedAuthor = useCallback((userId: string, muted: boolean) => {
    setPage(
      (current) =>
        current && mapComments(current, (c) => (c.author?.id === userId && !c.placeholder ? { ...c, muted } : c)),
    );
  }, []);

  const helpfulChanged = useCallback((id: string, helpful: boolean, count: number) => {
    setPage(
      (current) => current && mapComments(current, (c) => (c.id === id ? { ...c, helpful, helpfulCount: count } : c)),
    );
  }, []);

  const focusComment = useCallback((id: string) => setFocusTarget({ id }), []);

  const viewer = page?.viewer ?? null;
  const context = useMemo<DiscussionContext>(
    () => ({
      guide,
      owner: viewer ? (owner ?? viewer.id) : null,
      canComment: !!viewer?.canComment,
      now,
      highlight,
      announce,
      focusComment,
      added,
      replaced,
      removed,
      mutedAuthor,
      helpfulChanged,
    }),
    [
      guide,
      viewer,
      owner,
      now,
      highlight,
      announce,
      focusComment,
      added,
      replaced,
      removed,
      mutedAuthor,
      helpfulChanged,
    ],
  );

  async function showMore() {
    if (!page?.nextCursor) return;
    setMore("loading");
    try {
      const next = await fetchPage(guide, sort, page.nextCursor);
      const fresh = next.threads.filter((t) => !contains(page.threads, t.comment.id));
      setPage({ ...page, threads: merge(page.threads, next.threads), nextCursor: next.nextCursor, total: next.total });
      setMore("idle");
      const count = fresh.length;
      announce(
        `${count} more comment${count === 1 ? "" : "s"} shown${next.nextCursor ? "" : ": that is all of them"}.`,
      );
      if (fresh[0]) setFocusTarget({ id: fresh[0].comment.id });
    } catch {
      setMore("failed");
    }
  }

  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/guides/${guide}#discussion`)}`;
  const closed = page?.guide.mode === "CLOSED";

  let intro: React.ReactNode = null;
  if (page && !viewer) {
    intro = closed ? (
      <p className="mt-3 text-muted dark:text-night-muted">This guide is closed to new comments.</p>
    ) : (
      <p className="mt-3">
        <Link href={signInHref as never} className="font-medium text-accent-strong underline dark:text-night-accent">
          Sign in to join the discussion
        </Link>
        <span className="text-muted dark:text-night-muted">
          : you comment under your display name, never your email.
        </span>
      </p>
    );
  } else if (page && viewer && !viewer.canComment) {
    intro = (
      <p className="mt-3 rounded-md border border-line px-3 py-2 dark:border-night-line">
        {viewer.reason ?? "You can’t comment here right now."}
      </p>
    );
  } else if (page && viewer) {
    intro = (
      <>
        <CommentForm
          owner={context.owner!}
          guide={guide}
          label="Add to the discussion"
          hint={
            page.guide.mode === "PREMODERATED"
              ? "Be kind: everyone here is going through something. On this guide a moderator reads every comment before it appears."
              : "Be kind: everyone here is going through something. Your display name is shown with your comment."
          }
          submitLabel="Post"
          onDone={(result) => {
            added(result);
            setPosted(result.message);
            announce(result.message);
            setHighlight(result.comment.id);
          }}
        />
        {posted ? (
          <p className="mt-3 rounded-md bg-accent-soft px-3 py-2 text-sm dark:bg-night-raised">{posted}</p>
        ) : null}
      </>
    );
  }

  return (
    <DiscussionProvider.Provider value={context}>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {intro}
      {status === "loading" && !page ? (
        <p role="status" className="mt-4 text-muted dark:text-night-muted">
          Loading comments…
        </p>
      ) : null}
      {status === "failed" ? (
        <p role="alert" className="mt-4">
          We couldn’t load the comments just now.{" "}
          <button
            type="button"
            onClick={() => {
              setStatus("loading");
              setAttempt((n) => n + 1);
            }}
            className="min-h-9 font-medium text-accent-strong underline dark:text-night-accent"
          >
            Try again
          </button>
        </p>
      ) : null}
      {page ? (
        <>
          {page.threads.length > 1 || page.nextCursor ? (
            <div className="mt-8 flex justify-end">
              <label className="flex items-center gap-2 text-sm">
                Sort by
                <select
                  value={sort}
                  onChange={(event) => {
                    setStatus("loading");
                    setSort(event.target.value as CommentSort);
                  }}
                  className="min-h-9 rounded-md border border-muted bg-white px-2 dark:border-night-muted dark:bg-night-raised"
                >
                  {COMMENT_SORTS.map((s) => (
                    <option key={s} value={s}>
                      {SORT_LABELS[s]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : null}
          {page.threads.length === 0 ? (
            <p className="mt-6 text-muted dark:text-night-muted">
              No comments yet. If something in this guide helped, or didn’t, you are welcome to say so here.
            </p>
          ) : (
            <ol aria-label="Comments" aria-busy={status === "loading"} className="mt-6">
              {page.threads.map((thread) => (
                <Thread key={thread.comment.id} thread={thread} />
              ))}
            </ol>
          )}
          {page.nextCursor ? (
            <div className="mt-6">
              <button
                type="button"
                disabled={more === "loading"}
                onClick={() => void showMore()}
                className={`${smallButton} border border-line px-4 dark:border-night-line`}
              >
                {more === "loading" ? "Loading…" : "Show more comments"}
              </button>
              {more === "failed" ? (
                <p role="alert" className="mt-2 text-sm text-danger dark:text-night-danger">
                  We couldn’t load more comments. Please try again.
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </DiscussionProvider.Provider>
  );
}
