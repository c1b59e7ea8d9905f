import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { linkIn, startMailCatcher, waitForMail, type MailCatcher } from "@/e2e/support/mail-catcher";
import { listOutbox, readOutboxMessage } from "@/lib/mail/outbox";
import { createMailer, MailError, sendMail, type Mailer } from "@/lib/mail/send";

const EMAIL_FROM = "Mend <no-reply@mend.test>";
let scratch: string;
let catcher: MailCatcher;
let mailDir: string;
const opened: Mailer[] = [];
const open = (mailer: Mailer) => (opened.push(mailer), mailer);

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "mend-mail-"));
  mailDir = path.join(scratch, "caught");
  catcher = await startMailCatcher({ dir: mailDir });
});

afterEach(() => {
  for (const mailer of opened.splice(0)) mailer.close();
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await catcher?.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe("createMailer with SMTP_URL", () => {
  it("delivers through the SMTP server SMTP_URL names", async () => {
    const mailer = open(createMailer({ APP_ENV: "production", SMTP_URL: catcher.url, EMAIL_FROM }));
    expect(mailer.mode).toBe("smtp");
    const sent = await mailer.send({
      to: "ada@example.com",
      subject: "Your sign-in link for Mend",
      text: "Sign in:\nhttp://localhost:3000/auth/sign-in?token=abc\n",
      html: "<p>Sign in</p>",
    });
    expect(sent.messageId).toMatch(/@/);
    expect(sent.outboxId).toBeUndefined();

    const mail = await waitForMail(mailDir, { to: "ADA@example.com", subject: /sign-in link/ });
    expect(mail).toMatchObject({
      to: "ada@example.com",
      from: "Mend <no-reply@mend.test>",
      subject: "Your sign-in link for Mend",
      text: "Sign in:\nhttp://localhost:3000/auth/sign-in?token=abc\n",
      html: "<p>Sign in</p>",
    });
    expect(linkIn(mail, "/auth/sign-in")).toBe("http://localhost:3000/auth/sign-in?token=abc");
  });

  it("signs in to the server with the credentials in SMTP_URL, and sends locally too", async () => {
    const url = catcher.url.replace("smtp://", "smtp://mend:secret@");
    const mailer = open(createMailer({ APP_ENV: "local", SMTP_URL: url, EMAIL_FROM }));
    expect(mailer.mode).toBe("smtp");
    const after = new Date();
    await mailer.send({ to: "grace@example.com", subject: "Credentials", text: "hello" });
    const mail = await waitForMail(mailDir, { to: "grace@example.com", after });
    expect(mail.subject).toBe("Credentials");
  });

  it("names the server, and not its password, when the server cannot be reached", async () => {
    const gone = await startMailCatcher({ dir: path.join(scratch, "gone") });
    await gone.stop();
    const mailer = open(
      createMailer({ APP_ENV: "production", SMTP_URL: `smtp://mend:hunter2@127.0.0.1:${gone.port}`, EMAIL_FROM }),
    );
    const attempt = mailer.send({ to: "ada@example.com", subject: "Nope", text: "nope" });
    await expect(attempt).rejects.toThrow(MailError);
    await expect(attempt).rejects.toThrow(`the mail server 127.0.0.1:${gone.port} did not take the message`);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });
});

describe("createMailer without SMTP_URL", () => {
  it("keeps mail in the outbox when APP_ENV=local: a raw .eml and a .json beside it", async () => {
    const dir = path.join(scratch, "local", "outbox");
    const mailer = open(createMailer({ APP_ENV: "local", EMAIL_FROM, outboxDir: dir }));
    expect(mailer.mode).toBe("outbox");
    const sent = await mailer.send({
      to: "ada@example.com",
      subject: "Reset your password for Mend",
      text: "Choose a new password:\nhttp://localhost:3000/reset?token=xyz\n",
      html: "<p>Choose a new password</p>",
    });
    const id = sent.outboxId!;
    expect(id).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]{8}$/);
    expect((await readdir(dir)).sort()).toEqual([`${id}.eml`, `${id}.json`]);

    const raw = await readFile(path.join(dir, `${id}.eml`), "utf8");
    expect(raw).toMatch(/^From: Mend <no-reply@mend\.test>\r$/m);
    expect(raw).toMatch(/^To: ada@example\.com\r$/m);
    expect(raw).toMatch(/^Subject: Reset your password for Mend\r$/m);
    expect(raw).toMatch(/^Message-ID: </m);
    expect(raw).toContain("http://localhost:3000/reset?token=xyz");
    expect(raw).toContain("multipart/alternative");

    const entry = {
      id,
      to: "ada@example.com",
      from: EMAIL_FROM,
      subject: "Reset your password for Mend",
      text: "Choose a new password:\nhttp://localhost:3000/reset?token=xyz\n",
      html: "<p>Choose a new password</p>",
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    };
    expect(JSON.parse(await readFile(path.join(dir, `${id}.json`), "utf8"))).toEqual(entry);
    expect(await listOutbox(dir)).toEqual([entry]);
    expect(await readOutboxMessage(id, dir)).toEqual({ ...entry, raw });
  });

  it("refuses to send in production, and writes no outbox", () => {
    const dir = path.join(scratch, "production", "outbox");
    const attempt = () => createMailer({ APP_ENV: "production", EMAIL_FROM, outboxDir: dir });
    expect(attempt).toThrow(MailError);
    expect(attempt).toThrow(/SMTP_URL is not set/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe("sendMail", () => {
  it("reads the configuration and writes to outbox/ under MEND_DATA_DIR locally, with one mailer for every message", async () => {
    const dataDir = path.join(scratch, "data");
    vi.stubEnv("DATABASE_URL", "postgresql://unused/mend");
    vi.stubEnv("AUTH_SECRET", "x".repeat(32));
    vi.stubEnv("APP_ENV", "local");
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("EMAIL_FROM", "");
    vi.stubEnv("MEND_DATA_DIR", dataDir);

    const first = await sendMail({ to: "ada@example.com", subject: "First", text: "one" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await sendMail({ to: "ada@example.com", subject: "Second", text: "two" });

    const listed = await listOutbox(path.join(dataDir, "outbox"));
    expect(listed.map((mail) => [mail.id, mail.subject])).toEqual([
      [second.outboxId, "Second"],
      [first.outboxId, "First"],
    ]);
    expect(listed[0]!.from).toBe("Mend <no-reply@mend.local>");
    expect(listed[0]!.html).toBeNull();
  });
});

describe("the mail catcher", () => {
  it("says what it holds when the awaited mail does not come", async () => {
    await expect(waitForMail(mailDir, { to: "nobody@example.com" }, 300)).rejects.toThrow(
      /No mail to nobody@example\.com arrived in .* within 300 ms\. It holds:\n {2}- to /,
    );
  });

  it("finds the first link to a path, and says so when there is none", () => {
    const mail = {
      subject: "Links",
      text: "See https://mend.example/guides/a, then\nhttp://localhost:3000/verify?t=1.",
    };
    expect(linkIn(mail, "/verify")).toBe("http://localhost:3000/verify?t=1");
    expect(linkIn(mail, "/guides")).toBe("https://mend.example/guides/a");
    expect(() => linkIn(mail, "/reset")).toThrow(/"Links" has no link to a path starting with \/reset/);
  });
});
