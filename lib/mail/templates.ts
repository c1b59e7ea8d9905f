// The mail the account features send. Pure functions: each returns the subject and
// a plain-text and an HTML body. Every value that reaches the HTML is escaped,
// because names and addresses are typed by people.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** How long a sign-in link works; the token that backs it should expire with it. */
export const SIGN_IN_LINK_MINUTES = 15;
/** How long a password-reset link works; the token that backs it should expire with it. */
export const PASSWORD_RESET_MINUTES = 30;
/** How long a link to delete an account works; the token that backs it should expire with it. */
export const DELETE_ACCOUNT_LINK_MINUTES = 30;

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => entities[c] ?? c);

interface Parts {
  subject: string;
  name?: string;
  before: string[];
  /** The button and the link it opens; a message that asks nothing of the reader has none. */
  action?: string;
  url?: string;
  after: string[];
}

const colors = { paper: "#fbfaf7", ink: "#1f2328", muted: "#57606a", accent: "#2f6f5e" };

function compose({ subject, name, before, action, url, after }: Parts): RenderedMail {
  // A link in an href that is not http(s) (javascript:, data:) would be a way in, not a link.
  if (url !== undefined && !/^https?:\/\//i.test(url)) {
    throw new Error(`mail links must be http(s) URLs, not ${JSON.stringify(url)}`);
  }
  const link = action && url ? { action, url } : undefined;
  const greeting = name?.trim() ? `Hi ${name.trim()},` : "Hi,";
  const text =
    [greeting, ...before, ...(link ? [`${link.action}:\n${link.url}`] : []), ...after, "Mend"].join("\n\n") + "\n";

  const paragraph = (line: string) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`;
  const href = link ? escapeHtml(link.url) : "";
  const button = link
    ? `<p style="margin:24px 0"><a href="${href}" style="display:inline-block;padding:12px 22px;border-radius:6px;background:${colors.accent};color:#ffffff;font-family:Arial,sans-serif;font-size:16px;font-weight:bold;text-decoration:none">${escapeHtml(link.action)}</a></p>
<p style="margin:0 0 16px;color:${colors.muted};font-size:14px">If the button does not work, copy this address into your browser:<br><a href="${href}" style="color:${colors.accent};word-break:break-all">${href}</a></p>
`
    : "";
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px 12px;background:${colors.paper};color:${colors.ink};font-family:Georgia,'Times New Roman',serif;font-size:17px;line-height:1.55">
<div style="max-width:520px;margin:0 auto">
${[greeting, ...before].map(paragraph).join("\n")}
${button}${after.map(paragraph).join("\n")}
<p style="margin:24px 0 0;color:${colors.muted}">Mend</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}

/** Sent after sign-up, to confirm that the address is theirs. */
export function verifyEmail({ url, name }: { url: string; name?: string }): RenderedMail {
  return compose({
    subject: "Confirm your email for Mend",
    name,
    before: ["Thank you for joining. One small step: confirm that this email address is yours."],
    action: "Confirm your email",
    url,
    after: ["If you did not create an account, you can ignore this email and nothing will change."],
  });
}

/** A link that signs them in without a password. */
export function signInLink({ url }: { url: string }): RenderedMail {
  return compose({
    subject: "Your sign-in link for Mend",
    before: ["Here is the link you asked for. It signs you in, no password needed."],
    action: "Sign in",
    url,
    after: [
      `The link works once and expires in ${SIGN_IN_LINK_MINUTES} minutes. If it has run out, you can ask for a new one.`,
      "If you did not ask to sign in, you can ignore this email. Nothing happens unless the link is used.",
    ],
  });
}

/** A link to choose a new password. */
export function passwordReset({ url }: { url: string }): RenderedMail {
  return compose({
    subject: "Reset your password for Mend",
    before: ["Someone, hopefully you, asked to reset the password for your account. You can choose a new one here."],
    action: "Choose a new password",
    url,
    after: [
      `The link works once and expires in ${PASSWORD_RESET_MINUTES} minutes.`,
      "If you did not ask for this, you can ignore this email. Your password stays as it is.",
    ],
  });
}

/** Sent to the new address, to confirm a change of email. */
export function emailChange({ url, newEmail }: { url: string; newEmail: string }): RenderedMail {
  return compose({
    subject: "Confirm your new email for Mend",
    before: [
      `You asked to use ${newEmail} for your account from now on. Confirm it, and we will send everything here.`,
      "Until you do, your account keeps using your current address.",
    ],
    action: "Confirm your new email",
    url,
    after: ["If you did not ask for this, you can ignore this email and nothing will change."],
  });
}

/** Sent to an account without a password, to confirm that its owner wants it deleted. */
export function deleteAccountLink({ url, name }: { url: string; name?: string }): RenderedMail {
  return compose({
    subject: "Confirm deleting your Mend account",
    name,
    before: [
      "You asked to delete your Mend account. Confirm it, and the account is deleted with everything in it: your profile, your reading progress and all the rest. This cannot be undone.",
    ],
    action: "Delete my account",
    url,
    after: [
      `The link works once and expires in ${DELETE_ACCOUNT_LINK_MINUTES} minutes.`,
      "If you did not ask for this, you can ignore this email. Your account stays as it is.",
    ],
  });
}

/** The last message to an address, once its account is deleted. */
export function accountDeleted({ name }: { name?: string }): RenderedMail {
  return compose({
    subject: "Your Mend account is deleted",
    name,
    before: [
      "Your Mend account is deleted, as you asked. Your profile, your reading progress and everything else the account held are gone.",
      "This is the last email we send to this address.",
    ],
    after: [
      "If you did not delete your account yourself, someone had your password or could read your email. Change those passwords to keep your other accounts safe.",
    ],
  });
}

/** Sent when someone replies to a comment, to readers who asked for these emails. */
export function replyNotification({ url, name }: { url: string; name?: string }): RenderedMail {
  return compose({
    subject: "Someone replied to your comment on Mend",
    name,
    before: ["Someone replied to a comment you left under one of the guides."],
    action: "Read the reply",
    url,
    after: ["You get these emails because you turned them on. You can turn them off on your account page at any time."],
  });
}
