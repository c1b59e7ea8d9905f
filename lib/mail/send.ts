// The one way the site sends mail: through the server SMTP_URL names, or, with
// APP_ENV=local and no SMTP_URL, into the local outbox folder so that a fresh
// clone can follow its own sign-in and reset links. Production never writes an outbox.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { getEnv, type Env } from "@/lib/env";
import { outboxDir, type OutboxMessage } from "@/lib/mail/outbox";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailConfig {
  APP_ENV: Env["APP_ENV"];
  SMTP_URL?: string;
  EMAIL_FROM: string;
  /** Where the local outbox goes; outbox/ under the data folder when unset. */
  outboxDir?: string;
}

export interface SentMail {
  messageId: string;
  /** Set when the message went to the local outbox: its id there. */
  outboxId?: string;
}

export interface Mailer {
  readonly mode: "smtp" | "outbox";
  send(message: MailMessage): Promise<SentMail>;
  /** Closes any open connection to the mail server. */
  close(): void;
}

export class MailError extends Error {
  override name = "MailError";
}

export function createMailer(config: MailConfig): Mailer {
  if (config.SMTP_URL) return smtpMailer(config.SMTP_URL, config.EMAIL_FROM);
  if (config.APP_ENV === "local") return outboxMailer(config.outboxDir ?? outboxDir(), config.EMAIL_FROM);
  throw new MailError(
    "Mail cannot be sent: SMTP_URL is not set. Set it to the mail server, e.g. smtp://user:pass@mail.example:587 " +
      "(only APP_ENV=local keeps mail in the local outbox folder instead).",
  );
}

function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  // Named in errors without the credentials the URL may carry.
  const server = new URL(smtpUrl).host;
  return {
    mode: "smtp",
    async send(message) {
      try {
        const info = await transport.sendMail({ from, ...message });
        return { messageId: info.messageId };
      } catch (error) {
        throw new MailError(`the mail server ${server} did not take the message: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },
    close: () => transport.close(),
  };
}

function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    mode: "outbox",
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      const date = new Date();
      // Time first, so that file names sort by when they were written.
      const id = `${date.toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`;
      const entry: OutboxMessage = {
        id,
        to: message.to,
        from,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        date: date.toISOString(),
      };
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${id}.eml`), info.message as Buffer);
      // The .json is what lists the message, so it appears whole and only once the .eml is there.
      const sidecar = path.join(dir, `${id}.json`);
      await writeFile(`${sidecar}.tmp`, JSON.stringify(entry, null, 2) + "\n");
      await rename(`${sidecar}.tmp`, sidecar);
      console.info(`[mail] "${message.subject}" to ${message.to} kept in the outbox: see /dev/outbox`);
      return { messageId: info.messageId, outboxId: id };
    },
    close: () => transport.close(),
  };
}

// One mailer per process, kept across hot reloads in development like the database client.
const globalForMail = globalThis as unknown as { mendMailer?: Mailer };

/** Sends one message as the configuration says (see createMailer). */
export async function sendMail(message: MailMessage): Promise<SentMail> {
  globalForMail.mendMailer ??= createMailer(getEnv());
  return globalForMail.mendMailer.send(message);
}
