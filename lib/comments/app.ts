// The app's side of comments: rate limits per account, and reply emails sent
// after the answer. Route handlers call these; the services stay free of both.
import "server-only";
import { sendMail } from "@/lib/mail/send";
import { consume, type LimitName } from "@/lib/rate-limit";
import type { ReplyMail } from "./notifications";

/** Counts a comment against its author's limits: stricter until the account is trusted. */
export async function consumeCommentLimits(userId: string, { trusted }: { trusted: boolean }): Promise<void> {
  const names: LimitName[] = trusted ? ["commentBurst", "commentHourly"] : ["newCommentBurst", "newCommentHourly"];
  for (const name of names) await consume(name, userId);
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
