import { AccountForm } from "@/components/forms/account-form";
import { Summary } from "@/components/ui/disclosure-summary";
import { formatDateTime, plural } from "./format";

interface Version {
  version: number;
  text: string;
  savedAt: string;
}

/** Every saved version, newest first, each readable and restorable; restoring adds a version, it removes none. */
export function EntryHistory({ id, versions, current }: { id: string; versions: Version[]; current: number }) {
  return (
    <section aria-labelledby="history-title" className="mt-10 border-t border-line pt-8 dark:border-night-line">
      <h2 id="history-title" className="font-serif text-2xl font-semibold">
        History
      </h2>
      <p className="mt-2 text-muted dark:text-night-muted">
        {plural(versions.length, "saved version")}, all kept. Restoring one saves its words again as the newest version;
        the versions in between stay here.
      </p>
      <ol className="mt-4 space-y-2">
        {versions.map((v) => (
          <li
            key={v.version}
            className="rounded-md border border-line bg-white dark:border-night-line dark:bg-night-raised"
          >
            <details className="group">
              <Summary className="px-4 py-2">
                <span className="font-medium">Version {v.version}</span>
                <span className="text-muted dark:text-night-muted">
                  {" · "}
                  <time dateTime={v.savedAt}>{formatDateTime(v.savedAt)}</time>
                  {v.version === current ? " (current)" : ""}
                </span>
              </Summary>
              <div className="border-t border-line px-4 pt-3 pb-4 dark:border-night-line">
                {v.text ? (
                  <p className="font-serif whitespace-pre-wrap">{v.text}</p>
                ) : (
                  <p className="text-muted italic dark:text-night-muted">Nothing written in this version.</p>
                )}
                {v.version === current ? null : (
                  <AccountForm action="/api/reflections/restore" submitLabel="Restore this version" variant="secondary">
                    <input type="hidden" name="id" value={id} />
                    <input type="hidden" name="version" value={v.version} />
                  </AccountForm>
                )}
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
