// A real SMTP server for tests: the site sends through it exactly as it would
// through a production mail server, and each message lands as a JSON file that a
// test can wait for and follow the links in. Nothing about sending is mocked.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readdir, readFile, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CaughtMail {
  /** The envelope recipients, comma-separated: who the message was actually delivered to. */
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** ISO 8601, when the catcher received it. */
  date: string;
}

export interface MailCatcher {
  /** An SMTP_URL that reaches this catcher. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startMailCatcher({ dir }: { dir: string }): Promise<MailCatcher> {
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // Plain text on loopback: no certificate to make, and clients skip the upgrade.
    disabledCommands: ["STARTTLS"],
    // Without TLS, smtp-server refuses AUTH unless told otherwise; an SMTP_URL with credentials must still work.
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 1_000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "anyone" }),
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then(async (parsed) => {
          // As written in EMAIL_FROM, without the quotes mailparser's own text adds around the name.
          const sender = parsed.from?.value[0];
          const mail: CaughtMail = {
            to: session.envelope.rcptTo.map((recipient) => recipient.address).join(", "),
            from: sender ? (sender.name ? `${sender.name} <${sender.address}>` : (sender.address ?? "")) : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html === false ? null : parsed.html,
            date: new Date().toISOString(),
          };
          const file = path.join(dir, `${Date.now()}-${randomBytes(4).toString("hex")}.json`);
          // Written whole and then renamed, so a test polling the folder never reads half a file.
          await writeFile(`${file}.tmp`, JSON.stringify(mail, null, 2) + "\n");
          await rename(`${file}.tmp`, file);
        })
        .then(
          () => callback(),
          (error: Error) => callback(error),
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readCaught(dir: string): Promise<CaughtMail[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".json"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  // Names start with the time received, so name order is arrival order.
  names.sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as CaughtMail));
}

export interface MailQuery {
  /** One recipient address, compared without regard to case. */
  to: string;
  subject?: RegExp;
  /** Only mail received at or after this moment. */
  after?: Date;
}

/** Waits for mail matching `query` in a catcher's folder; returns the newest match. */
export async function waitForMail(dir: string, query: MailQuery, timeoutMs = 10_000): Promise<CaughtMail> {
  const to = query.to.toLowerCase();
  const matches = (mail: CaughtMail) =>
    mail.to.toLowerCase().split(", ").includes(to) &&
    (!query.subject || query.subject.test(mail.subject)) &&
    (!query.after || new Date(mail.date).getTime() >= query.after.getTime());

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const caught = await readCaught(dir);
    const found = caught.filter(matches).at(-1);
    if (found) return found;
    if (Date.now() >= deadline) {
      const seen = caught.map((mail) => `\n  - to ${mail.to}: "${mail.subject}" at ${mail.date}`).join("");
      throw new Error(
        `No mail to ${query.to}${query.subject ? ` with a subject matching ${query.subject}` : ""}` +
          `${query.after ? ` since ${query.after.toISOString()}` : ""} arrived in ${dir} within ${timeoutMs} ms. ` +
          (caught.length ? `It holds:${seen}` : "It holds no mail."),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The first http(s) URL in the message's text whose path starts with `pathPrefix`. */
export function linkIn(message: Pick<CaughtMail, "text" | "subject">, pathPrefix: string): string {
  for (const [candidate] of message.text.matchAll(/https?:\/\/[^\s<>"')\]]*[^\s<>"')\].,;:!?]/g)) {
    if (new URL(candidate).pathname.startsWith(pathPrefix)) return candidate;
  }
  throw new Error(`The mail "${message.subject}" has no link to a path starting with ${pathPrefix}:\n${message.text}`);
}
