import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOutbox, readOutboxMessage } from "@/lib/mail/outbox";
import { createMailer } from "@/lib/mail/send";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mend-outbox-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the local outbox", () => {
  it("is empty before anything is sent", async () => {
    expect(await listOutbox(path.join(dir, "missing"))).toEqual([]);
  });

  it("lists messages newest first, and reads one with its raw source", async () => {
    const outbox = path.join(dir, "outbox");
    const mailer = createMailer({ APP_ENV: "local", EMAIL_FROM: "no-reply@mend.test", outboxDir: outbox });
    const ids: string[] = [];
    for (const subject of ["one", "two", "three"]) {
      ids.push((await mailer.send({ to: "ada@example.com", subject, text: subject })).outboxId!);
      // Distinct milliseconds, so that "newest" is decided by time and not by the random part of the id.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // A half-written sidecar is not a message yet.
    await writeFile(path.join(outbox, "partial.json.tmp"), "{");

    expect((await listOutbox(outbox)).map((mail) => mail.subject)).toEqual(["three", "two", "one"]);
    const read = await readOutboxMessage(ids[1]!, outbox);
    expect(read).toMatchObject({ id: ids[1], subject: "two", from: "no-reply@mend.test", html: null });
    expect(read!.raw).toMatch(/^Subject: two\r$/m);
  });

  it("reads nothing for an unknown id or one that reaches outside the folder", async () => {
    const outbox = path.join(dir, "outbox");
    expect(await readOutboxMessage("2020-01-01T00-00-00-000Z-deadbeef", outbox)).toBeUndefined();
    expect(await readOutboxMessage("../outbox/x", outbox)).toBeUndefined();
  });
});
