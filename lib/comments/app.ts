// The app's side of comments: rate limits per account, and reply emails sent
// after the answer. Route handlers call these; the services stay free of both.
import "server-only";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/mail/send";
import { consume, refund, type LimitName } from "@/lib/rate-limit";
import type { ReplyMail } from "./notifications";
import { isTrusted } from "./service";

/**
 * Runs `post` within the author's comment limits (stricter until the account is
 * trusted). A post refused for what it says gives its attempt back, so fixing
 * the text and sending it again is not met with "too fast". A retry of a post that
 * was stored already (same postKey) is answered before any limit is counted.
 */
export async function withCommentLimits<T>(userId: string, post: () => Promise<T>): Promise<T> {
  const names: LimitName[] = (await isTrusted(db, userId))
    ? ["commentBurst", "commentHourly"]
    : ["newCommentBurst", "newCommentHourly"];
  const counted: LimitName[] = [];
  try {
    for (const name of names) {
      await consume(name, userId);
      counted.push(name);
    }
    return await post();
  } catch (error) {
    // Whatever stopped it (a limit, the text, the database), nothing was posted.
    await Promise.all(counted.map((name) => refund(name, userId).catch(() => {})));
    throw error;
  }
}

/** Sends reply emails; a failure is logged, never shown to the person who replied. */
export async function sendReplyMails(mail: ReplyMail[]): Promise<void> {
  for (const { to, ...message } of mail) {
    try {
      await sendMail({ to, ...message });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      console.error(`reply notification not sent: ${text.replaceAll(to, "<address>")}`);
    }
  }
}
