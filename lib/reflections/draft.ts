// The browser's copy of a reflection being written. It is stored before any
// request is sent, so a reload, a crash or a lost connection loses nothing.
//
// Saving follows one rule: a save whose answer never arrived is sent again
// exactly (same text, same saveId) until the server answers; only then is newer
// text sent, based on the version the server acknowledged. The server stores a
// repeated saveId once, so nothing is written twice.

export interface PendingSave {
  text: string;
  baseVersion: number;
  saveId: string;
}

export interface Draft {
  /** What is in the text area now. */
  text: string;
  /** The text and version the server last acknowledged. */
  savedText: string;
  savedVersion: number;
  /** A save sent but not yet answered. */
  inflight: PendingSave | null;
}

const key = (owner: string, entry: string) => `mend:draft:v1:${owner}:${entry}`;

export function loadDraft(owner: string, entry: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key(owner, entry));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function storeDraft(owner: string, entry: string, draft: Draft) {
  try {
    // Nothing left to send: the server holds it all, so keep no copy on the device.
    if (!draft.inflight && draft.text === draft.savedText) window.localStorage.removeItem(key(owner, entry));
    else window.localStorage.setItem(key(owner, entry), JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the text stays in the page until it is saved.
  }
}

export const hasUnsaved = (draft: Draft) => draft.inflight !== null || draft.text !== draft.savedText;

/** The next request to send, if any: the unanswered one first, else the newer text. */
export function nextSave(draft: Draft, newId: () => string): Draft {
  if (draft.inflight || draft.text === draft.savedText) return draft;
  return { ...draft, inflight: { text: draft.text, baseVersion: draft.savedVersion, saveId: newId() } };
}

export function acknowledged(draft: Draft, version: number): Draft {
  if (!draft.inflight) return draft;
  return { ...draft, savedText: draft.inflight.text, savedVersion: version, inflight: null };
}
