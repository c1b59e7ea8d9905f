// The local outbox: with APP_ENV=local and no SMTP_URL, every message the site
// sends is written here instead (a raw .eml plus a .json summary), so that sign-in
// and reset links can be followed on one's own machine without a mail server.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface OutboxMessage {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** ISO 8601, when the message was written. */
  date: string;
}

/** `outbox/` under the data folder (MEND_DATA_DIR, or .data). */
// Chosen at run time; turbopackIgnore keeps the build from tracing the whole project through it.
export const outboxDir = () => path.resolve(/* turbopackIgnore: true */ process.env.MEND_DATA_DIR || ".data", "outbox");

// Ids become file names: anything else could reach outside the folder.
const safeId = /^[\w.-]+$/;

/** The messages in the outbox, newest first; an empty list when there is no outbox yet. */
export async function listOutbox(dir: string = outboxDir()): Promise<OutboxMessage[]> {
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json"));
  const messages = await Promise.all(
    files.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8")) as OutboxMessage),
  );
  // Ids start with the time, so they break ties between messages written in the same millisecond.
  return messages.sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
}

/** One message with its raw RFC 822 source, or undefined when there is no such message. */
export async function readOutboxMessage(
  id: string,
  dir: string = outboxDir(),
): Promise<(OutboxMessage & { raw: string }) | undefined> {
  if (!safeId.test(id)) return undefined;
  try {
    const [json, raw] = await Promise.all([
      readFile(path.join(dir, `${id}.json`), "utf8"),
      readFile(path.join(dir, `${id}.eml`), "utf8"),
    ]);
    return { ...(JSON.parse(json) as OutboxMessage), raw };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
