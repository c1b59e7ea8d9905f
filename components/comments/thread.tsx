"use client";

import { createContext, useContext, useRef, useState } from "react";
import type { CommentView, ThreadView } from "@/lib/comments/types";
import { send } from "./api";
import { CommentForm, type Posted } from "./comment-form";
import {
  CommentBody,
  CommentHeader,
  OwnStatus,
  placeholderText,
  smallButton,
  threadTree,
  timeLeft,
  type ThreadItem,
} from "./comment-parts";
import { ReportDialog } from "./report-dialog";

export interface DiscussionContext {
  guide: string;
  /** The signed-in reader, or null for a visitor. */
  owner: string | null;
  canComment: boolean;
  /** Ticks every half minute: relative times and the edit window follow it. */
  now: number;
  highlight: string | null;
  announce: (text: string) => void;
  focusComment: (id: string) => void;
  added: (posted: Posted) => void;
  replaced: (comment: CommentView) => void;
  removed: (id: string) => void;
  mutedAuthor: (userId: string, muted: boolean) => void;
  helpfulChanged: (id: string, helpful: boolean, count: number) => void;
}

export const Discussion = createContext<DiscussionContext | null>(null);

function useDiscussion(): DiscussionContext {
  const context = useContext(Discussion);
  if (!context) throw new Error("useDiscussion outside a discussion");
  return context;
}

const FAILED = "That didn’t go through. Please check your connection and try again.";

export function Thread({ thread }: { thread: ThreadView }) {
  return <CommentItem item={threadTree(thread)} thread={thread} />;
}

function CommentItem({ item, thread }: { item: ThreadItem; thread: ThreadView }) {
  const c = item.comment;
  const context = useDiscussion();
  const [mode, setMode] = useState<"view" | "reply" | "edit" | "delete" | "report">("view");
  const [revealed, setRevealed] = useState(false);
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const replyButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const reportButton = useRef<HTMLButtonElement>(null);

  const name = c.author?.name ?? "Former member";
  const own = !!c.own;
  const signedIn = context.owner !== null;
  const published = c.state === "published" && !c.placeholder;
  const locked = thread.comment.locked || c.locked;
  const editable = !!c.own?.editableUntil && new Date(c.own.editableUntil).getTime() > context.now;
  const isRoot = c.id === thread.comment.id;

  async function toggleHelpful() {
    setBusy(true);
    const result = await send<{ helpful: boolean; helpfulCount: number; message: string }>("/api/comments/helpful", {
      id: c.id,
      helpful: !c.helpful,
    });
    setBusy(false);
    if (result.ok) {
      context.helpfulChanged(c.id, result.data.helpful, result.data.helpfulCount);
      setNote(null);
      context.announce(result.data.message);
    } else {
      setNote({ text: result.status === 0 ? FAILED : result.error.message, error: true });
    }
  }

  async function setMuted(muted: boolean) {
    if (!c.author) return;
    setBusy(true);
    const result = await send<{ message: string }>("/api/comments/mute", { userId: c.author.id, muted });
    setBusy(false);
    if (result.ok) {
      setRevealed(false);
      context.mutedAuthor(c.author.id, muted);
      context.announce(result.data.message);
      context.focusComment(c.id);
    } else {
      setNote({ text: result.status === 0 ? FAILED : result.error.message, error: true });
    }
  }

  async function remove() {
    setBusy(true);
    const result = await send<{ message: string }>("/api/comments/delete", { id: c.id });
    setBusy(false);
    if (result.ok) {
      context.removed(c.id);
      context.announce(result.data.message);
    } else {
      setNote({ text: result.status === 0 ? FAILED : result.error.message, error: true });
      setMode("view");
    }
  }

  const highlight =
    context.highlight === c.id ? "ring-2 ring-accent ring-offset-4 ring-offset-paper dark:ring-night-accent" : "";
  const label = c.placeholder ? "A comment that is gone" : `Comment by ${name}`;

  let content: React.ReactNode;
  if (c.placeholder) {
    content = <p className="text-sm text-muted italic dark:text-night-muted">{placeholderText(c)}</p>;
  } else if (c.muted && !revealed) {
    content = (
      <p className="text-sm text-muted dark:text-night-muted">
        You muted {name}.{" "}
        <button
          type="button"
          onClick={() => setRevealed(true)}
          className="min-h-9 font-medium text-accent-strong underline dark:text-night-accent"
        >
          Show comment
        </button>
      </p>
    );
  } else {
    content = (
      <>
        <CommentHeader comment={c} now={context.now} />
        {item.replyingTo ? (
          <p className="text-sm text-muted dark:text-night-muted">Replying to {item.replyingTo}</p>
        ) : null}
        <OwnStatus comment={c} />
        {mode === "edit" && c.own && context.owner ? (
          <CommentForm
            owner={context.owner}
            guide={context.guide}
            edit={{ id: c.id, body: c.own.body }}
            label="Edit your comment"
            submitLabel="Save changes"
            autoFocus
            onCancel={() => {
              setMode("view");
              requestAnimationFrame(() => editButton.current?.focus());
            }}
            onDone={({ comment, message }) => {
              setMode("view");
              context.replaced(comment);
              context.announce(message);
              context.focusComment(comment.id);
            }}
          />
        ) : c.html ? (
          <CommentBody html={c.html} />
        ) : null}

        {mode !== "edit" ? (
          <div className="mt-1 flex flex-wrap items-center gap-x-1 gap-y-1">
            {published && signedIn && !own ? (
              <button
                type="button"
                aria-pressed={c.helpful}
                disabled={busy}
                onClick={() => void toggleHelpful()}
                className={`${smallButton} ${c.helpful ? "text-accent-strong dark:text-night-accent" : ""}`}
              >
                <span aria-hidden="true">{c.helpful ? "♥" : "♡"}</span> Helpful
                {c.helpfulCount > 0 ? <span className="tabular-nums"> {c.helpfulCount}</span> : null}
              </button>
            ) : published && c.helpfulCount > 0 ? (
              <span className="px-2 text-sm text-muted dark:text-night-muted">{c.helpfulCount} found this helpful</span>
            ) : null}
            {published && context.canComment && !locked ? (
              <button
                ref={replyButton}
                type="button"
                aria-expanded={mode === "reply"}
                onClick={() => setMode(mode === "reply" ? "view" : "reply")}
                className={smallButton}
              >
                Reply
              </button>
            ) : null}
            {editable ? (
              <button ref={editButton} type="button" onClick={() => setMode("edit")} className={smallButton}>
                Edit <span className="font-normal">({timeLeft(c.own!.editableUntil!, context.now)})</span>
              </button>
            ) : null}
            {own ? (
              <button
                ref={deleteButton}
                type="button"
                aria-expanded={mode === "delete"}
                onClick={() => setMode(mode === "delete" ? "view" : "delete")}
                className={smallButton}
              >
                Delete
              </button>
            ) : null}
            {published && signedIn && !own ? (
              <button
                ref={reportButton}
                type="button"
                aria-haspopup="dialog"
                onClick={() => setMode("report")}
                className={smallButton}
              >
                Report
              </button>
            ) : null}
            {signedIn && !own && c.author ? (
              <button type="button" disabled={busy} onClick={() => void setMuted(!c.muted)} className={smallButton}>
                {c.muted ? `Unmute ${name}` : `Mute ${name}`}
              </button>
            ) : null}
            {isRoot && thread.replyCount > 0 ? (
              <span className="px-2 text-sm text-muted dark:text-night-muted">
                {thread.replyCount} {thread.replyCount === 1 ? "reply" : "replies"}
              </span>
            ) : null}
            {isRoot && thread.comment.locked ? (
              <span className="px-2 text-sm text-muted dark:text-night-muted">Replies are closed here.</span>
            ) : null}
          </div>
        ) : null}

        {mode === "delete" ? (
          <div
            role="group"
            aria-label="Confirm deletion"
            className="mt-2 rounded-md border border-danger p-3 dark:border-night-danger"
          >
            <p className="text-sm">
              Delete this comment? This can’t be undone. Any replies stay, under “This comment was deleted.”
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                disabled={busy}
                autoFocus
                onClick={() => void remove()}
                className="inline-flex min-h-11 items-center rounded-md bg-danger px-4 font-medium text-white disabled:opacity-70 dark:bg-night-danger dark:text-night"
              >
                {busy ? "Deleting…" : "Yes, delete it"}
              </button>
              <button
                type="button"
                onClick={() => {
                  setMode("view");
                  requestAnimationFrame(() => deleteButton.current?.focus());
                }}
                className={smallButton}
              >
                Keep it
              </button>
            </div>
          </div>
        ) : null}

        {note ? (
          <p
            role={note.error ? "alert" : "status"}
            className={`mt-1 text-sm ${note.error ? "font-medium text-danger dark:text-night-danger" : "text-muted dark:text-night-muted"}`}
          >
            {note.text}
          </p>
        ) : null}

        {mode === "reply" && context.owner ? (
          <CommentForm
            owner={context.owner}
            guide={context.guide}
            parentId={c.id}
            label={`Your reply to ${name}`}
            submitLabel="Post reply"
            autoFocus
            onCancel={() => {
              setMode("view");
              requestAnimationFrame(() => replyButton.current?.focus());
            }}
            onDone={(posted) => {
              setMode("view");
              context.added(posted);
              context.announce(posted.message);
              context.focusComment(posted.comment.id);
            }}
          />
        ) : null}

        {mode === "report" ? (
          <ReportDialog
            commentId={c.id}
            authorName={name}
            onClose={(sent) => {
              setMode("view");
              if (sent) setNote({ text: sent });
              reportButton.current?.focus();
            }}
          />
        ) : null}
      </>
    );
  }

  return (
    <li
      className={
        isRoot
          ? "mt-6 border-t border-line pt-6 first:mt-0 first:border-t-0 first:pt-0 dark:border-night-line"
          : "mt-5 first:mt-0"
      }
    >
      <article
        id={`comment-${c.id}`}
        tabIndex={-1}
        aria-label={label}
        className={`scroll-mt-24 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-accent dark:focus-visible:ring-night-accent ${highlight}`}
      >
        {content}
      </article>
      {item.children.length > 0 ? (
        <ol className="mt-4 ml-2 border-l-2 border-line pl-4 sm:ml-4 sm:pl-5 dark:border-night-line">
          {item.children.map((child) => (
            <CommentItem key={child.comment.id} item={child} thread={thread} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
