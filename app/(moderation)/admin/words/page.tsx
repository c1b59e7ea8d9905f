import type { Metadata } from "next";
import { ActionButton, ActionForm, Choice, ModerationLive, TextInput } from "@/components/moderation/action-form";
import { formatDateTime, plural } from "@/components/moderation/format";
import { ModerationNav } from "@/components/moderation/moderation-nav";
import { requireRole } from "@/lib/auth/session";
import { listWords } from "@/lib/comments/moderation";
import { db } from "@/lib/db";
import { param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Word lists", robots: { index: false } };

export const dynamic = "force-dynamic";

const LISTS = {
  BANNED: {
    title: "Banned",
    about:
      "A comment with one of these is refused before it is posted: the writer is told which word, and can reword it. For slurs and the like.",
  },
  SUSPECT: {
    title: "Suspect",
    about:
      "A comment with one of these is posted for its author only and held for a moderator, who decides. For words that are fine in one sentence and cruel in another.",
  },
} as const;

export default async function WordListsPage({ searchParams }: PageProps<"/admin/words">) {
  const user = await requireRole("ADMIN", "/admin/words");
  const params = await searchParams;
  const words = await listWords(db, user);
  const error = param(params, "error");

  return (
    <>
      <ModerationNav role={user.role} current="words" />
      <h1 className="font-serif text-3xl font-semibold">Word lists</h1>
      <p className="mt-2 text-muted dark:text-night-muted">
        Whole words and phrases, matched without regard to case. Links, email addresses and phone numbers are held
        anyway, and need no list.
      </p>
      <dl className="mt-4 space-y-2">
        {(["BANNED", "SUSPECT"] as const).map((key) => (
          <div key={key}>
            <dt className="font-semibold">{LISTS[key].title}</dt>
            <dd>{LISTS[key].about}</dd>
          </div>
        ))}
      </dl>

      <ModerationLive message={param(params, "message")} error={error} fallbackFocus="add-word">
        <section aria-labelledby="add-word" className="mt-8 border-t border-line pt-6 dark:border-night-line">
          <h2 id="add-word" tabIndex={-1} className="font-serif text-xl font-semibold">
            Add a word
          </h2>
          <ActionForm action="/api/admin/words">
            <input type="hidden" name="action" value="add" />
            <TextInput
              name="word"
              label="Word or phrase"
              maxLength={100}
              defaultValue={error ? param(params, "word") : undefined}
            />
            <Choice
              name="list"
              legend="List"
              defaultValue={(error ? param(params, "list") : undefined) ?? "SUSPECT"}
              options={[
                { value: "BANNED", label: "Banned", hint: "Refused, with a message." },
                { value: "SUSPECT", label: "Suspect", hint: "Held for a moderator." },
              ]}
            />
            <div className="mt-4">
              <ActionButton variant="primary">Add to the list</ActionButton>
            </div>
          </ActionForm>
        </section>

        {(["BANNED", "SUSPECT"] as const).map((key) => {
          const list = words.filter((w) => w.list === key);
          return (
            <section
              key={key}
              aria-labelledby={`list-${key}`}
              className="mt-8 border-t border-line pt-6 dark:border-night-line"
            >
              <h2 id={`list-${key}`} className="font-serif text-xl font-semibold">
                {LISTS[key].title} words{" "}
                <span className="text-base font-normal text-muted dark:text-night-muted">
                  ({plural(list.length, "entry", "entries")})
                </span>
              </h2>
              {list.length === 0 ? (
                <p className="mt-2 text-muted dark:text-night-muted">None yet.</p>
              ) : (
                <ul className="mt-3 divide-y divide-line border-y border-line dark:divide-night-line dark:border-night-line">
                  {list.map((word) => (
                    <li
                      key={word.id}
                      id={`word-${word.id}`}
                      data-moderation-item=""
                      className="flex flex-wrap items-center justify-between gap-3 py-2"
                    >
                      <span>
                        <span className="font-medium">{word.word}</span>
                        <span className="text-sm text-muted dark:text-night-muted">
                          {" "}
                          · added{" "}
                          <time dateTime={word.createdAt.toISOString()}>
                            {formatDateTime(word.createdAt.toISOString())}
                          </time>
                        </span>
                      </span>
                      <ActionForm action="/api/admin/words" item={`word-${word.id}`}>
                        <input type="hidden" name="action" value="remove" />
                        <input type="hidden" name="id" value={word.id} />
                        <ActionButton label={`Remove “${word.word}”`} focusTarget>
                          Remove
                        </ActionButton>
                      </ActionForm>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </ModerationLive>
    </>
  );
}
