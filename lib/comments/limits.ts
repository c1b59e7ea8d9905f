// Limits shared by the comment form (in the browser) and the server. Keep this
// file free of imports so either side can use it.

/** The longest comment, in characters of its source text. */
export const MAX_COMMENT_CHARS = 5000;
