"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { ReflectionEditor } from "@/components/reflections/reflection-editor";
import type { EditorTarget, StoredText } from "@/components/reflections/stored-entry";

/** The editor on an entry's own page; the history beside it is read on the server, so each save refreshes it. */
export function EntryEditor(props: { owner: string; target: EditorTarget; label: string; initial: StoredText }) {
  const router = useRouter();
  const onSaved = useCallback(() => router.refresh(), [router]);
  return <ReflectionEditor {...props} onSaved={onSaved} rows={12} />;
}
