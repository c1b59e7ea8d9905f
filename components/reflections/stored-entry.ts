// What the server holds for the entry an editor is about to show.
import { guideReflections } from "./guide-reflections";

export type EditorTarget = { guide: string; step: string } | { id: string };

export interface StoredText {
  text: string;
  /** 0 when nothing is saved yet. */
  version: number;
}

const NOTHING_YET: StoredText = { text: "", version: 0 };

/** Null when the server could not be asked (offline, or it failed). */
export async function storedEntry(target: EditorTarget): Promise<StoredText | null> {
  if ("guide" in target) {
    const entries = await guideReflections(target.guide);
    if (!entries) return null;
    const stored = entries.find((e) => e.stepId === target.step);
    return stored ? { text: stored.text, version: stored.version } : NOTHING_YET;
  }
  const response = await fetch(`/api/reflections/${encodeURIComponent(target.id)}`, { cache: "no-store" }).catch(
    () => null,
  );
  // A free entry's id is chosen in the browser before its first save: until then the server has none.
  if (response?.status === 404) return NOTHING_YET;
  if (!response?.ok) return null;
  const body = (await response.json().catch(() => null)) as { reflection?: StoredText } | null;
  return body?.reflection ? { text: body.reflection.text, version: body.reflection.version } : null;
}

/** The key of the entry's draft on this device: a step's answer keeps the key it always had. */
export const draftKey = (target: EditorTarget) => ("guide" in target ? `${target.guide}:${target.step}` : target.id);
