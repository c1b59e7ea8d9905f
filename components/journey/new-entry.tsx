"use client";

import dynamic from "next/dynamic";

// The entry's id is chosen in the browser, so the editor renders there only.
const NewEntryEditor = dynamic(() => import("./new-entry-editor").then((m) => m.NewEntryEditor), {
  ssr: false,
  loading: () => <p className="mt-4 text-sm text-muted dark:text-night-muted">Opening a new page…</p>,
});

export function NewEntry({ owner }: { owner: string }) {
  return <NewEntryEditor owner={owner} />;
}
