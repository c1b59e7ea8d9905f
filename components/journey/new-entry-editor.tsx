"use client";

import { useCallback, useEffect, useState } from "react";
import { ReflectionEditor } from "@/components/reflections/reflection-editor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The id stays in the address from the start, so a reload (or coming back
// offline) reopens the same entry and its draft instead of starting another:
// the server creates an id once, however often its first save is sent.
function chooseId(): string {
  const fromAddress =
    new URLSearchParams(window.location.search).get("id") ?? window.location.pathname.split("/").pop();
  return fromAddress && UUID.test(fromAddress) ? fromAddress.toLowerCase() : crypto.randomUUID();
}

export function NewEntryEditor({ owner }: { owner: string }) {
  const [id] = useState(chooseId);
  useEffect(() => {
    if (!window.location.href.includes(id)) window.history.replaceState(null, "", `/journey/entries/new?id=${id}`);
  }, [id]);
  // Once saved, the entry has its own page: the address becomes it, without reloading what is being typed.
  const onSaved = useCallback(() => {
    if (window.location.pathname !== `/journey/entries/${id}`) {
      window.history.replaceState(null, "", `/journey/entries/${id}`);
    }
  }, [id]);
  return <ReflectionEditor owner={owner} target={{ id }} label="Your journal entry" onSaved={onSaved} rows={14} />;
}
