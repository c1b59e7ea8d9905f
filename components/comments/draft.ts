// A comment being written, kept on this device until it is posted, so a reload,
// a crash or a lost connection loses nothing. Its postKey goes with it: a post
// sent again after a failure is stored once.

export interface CommentDraft {
  body: string;
  postKey: string;
}

const key = (owner: string, place: string) => `mend:comment-draft:v1:${owner}:${place}`;

export function loadCommentDraft(owner: string, place: string): CommentDraft | null {
  try {
    const raw = window.localStorage.getItem(key(owner, place));
    const parsed = raw ? (JSON.parse(raw) as Partial<CommentDraft>) : null;
    return parsed && typeof parsed.body === "string" && typeof parsed.postKey === "string"
      ? { body: parsed.body, postKey: parsed.postKey }
      : null;
  } catch {
    return null;
  }
}

export function storeCommentDraft(owner: string, place: string, draft: CommentDraft) {
  try {
    if (draft.body.trim()) window.localStorage.setItem(key(owner, place), JSON.stringify(draft));
    else window.localStorage.removeItem(key(owner, place));
  } catch {
    // Storage full or blocked: the text stays in the page.
  }
}

export function clearCommentDraft(owner: string, place: string) {
  try {
    window.localStorage.removeItem(key(owner, place));
  } catch {
    // nothing to clear
  }
}
