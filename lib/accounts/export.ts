// "Your data": everything Mend holds about one account, as one JSON document and
// as a ZIP of that document with readable Markdown beside it. The document is a
// list of sections so that each domain that keeps something about a person adds
// one entry to SECTIONS and is in every export from then on.
import "server-only";
import { strToU8, zipSync } from "fflate";
import { envKeyring } from "@/lib/reflections/crypto";
import { listReflections } from "@/lib/reflections/service";
import { getGuide } from "@/lib/content/guides";
import type { Database } from "@/lib/database/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/rate-limit";

/** Bumped when a key is renamed or removed, so that programs reading old exports can tell. */
export const EXPORT_VERSION = 1;

export const EXPORT_JSON_FILE = "mend-export.json";

interface Section<T> {
  /** The section's key in mend-export.json. */
  key: string;
  /** What it holds, for the archive's README. */
  description: string;
  collect(db: Database, userId: string): Promise<T>;
  /** Readable files for the archive (name → Markdown), when the section has them. */
  markdown?(data: T): Record<string, string>;
}

// Method syntax above keeps each section's own data type and still lets them share one list.
const section = <T>(definition: Section<T>): Section<unknown> => definition as Section<unknown>;

export interface StepRef {
  id: string;
  /** The step's number and title in the guide today; null when the guide no longer has that step. */
  number: number | null;
  title: string | null;
}

export interface ProgressEntry {
  guide: string;
  title: string;
  stepsDone: StepRef[];
  furthestStep: StepRef | null;
  updatedAt: string;
}

const profile = section({
  key: "profile",
  description: "your display name, email address, when you confirmed it, your role, and when you joined",
  async collect(db, userId) {
    const user = await db.user.findUnique({
      where: { id: userId },
      select: { name: true, email: true, emailVerified: true, role: true, createdAt: true },
    });
    if (!user) throw new AppError("not_found", "This account no longer exists.");
    return {
      displayName: user.name,
      email: user.email,
      emailVerifiedAt: user.emailVerified?.toISOString() ?? null,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
    };
  },
});

const signInProviders = section({
  key: "signInProviders",
  description: "the services linked for signing in, such as GitHub or Google, by name",
  async collect(db, userId): Promise<string[]> {
    // The provider's name only: its tokens would let whoever holds the file act as you there.
    const accounts = await db.account.findMany({ where: { userId }, select: { provider: true } });
    return [...new Set(accounts.map((a) => a.provider))].sort();
  },
});

const readingProgress = section({
  key: "readingProgress",
  description: "the steps you marked done in each guide, and the furthest step you reached",
  async collect(db, userId): Promise<ProgressEntry[]> {
    const rows = await db.guideProgress.findMany({
      where: { userId },
      select: {
        guideSlug: true,
        doneSteps: true,
        furthestStep: true,
        updatedAt: true,
        guide: { select: { title: true } },
      },
    });
    const entries = rows.map((row) => {
      const guide = getGuide(row.guideSlug);
      const step = (id: string): StepRef => {
        const found = guide?.steps.find((s) => s.id === id);
        return { id, number: found?.number ?? null, title: found?.title ?? null };
      };
      return {
        order: guide?.order ?? Number.MAX_SAFE_INTEGER,
        entry: {
          guide: row.guideSlug,
          title: guide?.title ?? row.guide.title,
          stepsDone: row.doneSteps.map(step).sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity)),
          furthestStep: row.furthestStep ? step(row.furthestStep) : null,
          updatedAt: row.updatedAt.toISOString(),
        },
      };
    });
    return entries.sort((a, b) => a.order - b.order).map(({ entry }) => entry);
  },
  markdown: (entries) => ({ "progress.md": progressMarkdown(entries) }),
});

export interface ReflectionEntry {
  guide: { slug: string; title: string } | null;
  step: (StepRef & { prompt: string }) | null;
  text: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const reflections = section({
  key: "reflections",
  description: "your private answers to the questions in the guides, in clear text, one Markdown file per guide",
  collect: async (db, userId): Promise<ReflectionEntry[]> => {
    const entries = await listReflections(db, envKeyring(), userId);
    return entries.map((entry) => {
      const guide = entry.guideSlug ? getGuide(entry.guideSlug) : undefined;
      const step = guide?.steps.find((s) => s.id === entry.stepId);
      return {
        guide: entry.guideSlug ? { slug: entry.guideSlug, title: guide?.title ?? entry.guideSlug } : null,
        step: step ? { id: step.id, number: step.number, title: step.title, prompt: step.prompt } : null,
        text: entry.text,
        version: entry.version,
        createdAt: entry.createdAt,
        updatedAt: entry.updatedAt,
      };
    });
  },
  markdown: reflectionFiles,
});

export interface CommentEntry {
  guide: { slug: string; title: string };
  id: string;
  inReplyTo: string | null;
  status: string;
  text: string;
  /** Earlier texts, when it was edited. */
  earlierVersions: { text: string; replacedAt: string }[];
  moderatorsReason: string | null;
  helpfulCount: number;
  createdAt: string;
  editedAt: string | null;
}

const comments = section({
  key: "comments",
  description: "what you wrote under the guides, with each comment's status, and your comment settings",
  collect: async (db, userId) => {
    const [rows, user, muted, reports] = await Promise.all([
      db.comment.findMany({
        where: { authorId: userId, status: { not: "DELETED" } },
        orderBy: { createdAt: "asc" },
        include: { guide: { select: { title: true } }, revisions: { orderBy: { createdAt: "asc" } } },
      }),
      db.user.findUnique({ where: { id: userId }, select: { notifyRepliesByEmail: true } }),
      db.mute.count({ where: { muterId: userId } }),
      db.commentReport.count({ where: { reporterId: userId } }),
    ]);
    const written: CommentEntry[] = rows.map((row) => ({
      guide: { slug: row.guideSlug, title: row.guide.title },
      id: row.id,
      inReplyTo: row.parentId,
      status: row.status.toLowerCase(),
      text: row.body,
      earlierVersions: row.revisions.map((r) => ({ text: r.body, replacedAt: r.createdAt.toISOString() })),
      moderatorsReason: row.moderationReason,
      helpfulCount: row.helpfulCount,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
    }));
    return {
      written,
      emailMeAboutReplies: user?.notifyRepliesByEmail ?? false,
      peopleYouMuted: muted,
      reportsYouMade: reports,
    };
  },
  markdown: ({ written }): Record<string, string> => {
    if (written.length === 0) return {};
    const lines = ["# Your comments", ""];
    for (const c of written) {
      lines.push(
        `## On “${c.guide.title}”, ${c.createdAt.slice(0, 10)}`,
        "",
        `Status: ${c.status}${c.moderatorsReason ? ` (${c.moderatorsReason})` : ""}`,
        "",
        c.text,
        "",
      );
    }
    return { "comments.md": lines.join("\n") };
  },
});

const SECTIONS = [profile, signInProviders, readingProgress, reflections, comments];

export interface AccountExport {
  version: number;
  exportedAt: string;
  [section: string]: unknown;
}

/** Everything the account holds, read with `db` (the app's client, or a test's). */
export async function buildExport(db: Database, userId: string, now = new Date()): Promise<AccountExport> {
  const document: AccountExport = { version: EXPORT_VERSION, exportedAt: now.toISOString() };
  for (const { key, collect } of SECTIONS) document[key] = await collect(db, userId);
  return document;
}

/** The signed-in reader's own export. Only ever called with the session's own id. */
export async function exportOwnAccount(userId: string): Promise<AccountExport> {
  await consume("exportAccount", userId);
  return buildExport(db, userId);
}

export function exportFileName(format: "json" | "zip", exportedAt: string): string {
  return `mend-export-${exportedAt.slice(0, 10)}.${format}`;
}

export const exportJson = (document: AccountExport) => JSON.stringify(document, null, 2) + "\n";

/** The files of the ZIP: the JSON, a README, and each section's Markdown. */
export function exportFiles(document: AccountExport): Record<string, string> {
  const files: Record<string, string> = { "README.md": readme(document), [EXPORT_JSON_FILE]: exportJson(document) };
  for (const { key, markdown } of SECTIONS) {
    if (markdown) Object.assign(files, markdown(document[key]));
  }
  return files;
}

export function exportArchive(document: AccountExport): Uint8Array<ArrayBuffer> {
  const files = exportFiles(document);
  // Copied into a plain ArrayBuffer, which is what a Response body takes.
  const archive = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), {
    mtime: new Date(document.exportedAt),
  });
  return new Uint8Array(archive);
}

function readme(document: AccountExport): string {
  const readable = SECTIONS.filter((s) => s.markdown).flatMap((s) =>
    Object.keys(s.markdown!(document[s.key])).map((file) => `- \`${file}\`: ${s.description}.`),
  );
  return [
    "# Your data from Mend",
    "",
    `Made on ${document.exportedAt.slice(0, 10)} at ${document.exportedAt.slice(11, 16)} UTC. It holds everything Mend keeps about your account.`,
    "",
    `- \`${EXPORT_JSON_FILE}\`: all of it in one file that programs can read (format version ${document.version}).`,
    ...readable,
    "",
    `## What is in ${EXPORT_JSON_FILE}`,
    "",
    ...SECTIONS.map((s) => `- \`${s.key}\`: ${s.description}.`),
    "",
    "Your password is not in it: Mend keeps only a one-way hash of it, which cannot be turned back into the password.",
    "Progress saved in a browser while you were signed out stays in that browser and is not part of your account.",
    "",
  ].join("\n");
}

function progressMarkdown(entries: ProgressEntry[]): string {
  const lines = ["# Your reading progress", ""];
  if (entries.length === 0) lines.push("You have not saved progress in any guide yet.", "");
  const label = (step: StepRef, between = ": ") =>
    step.number === null ? `A step no longer in the guide (${step.id})` : `Step ${step.number}${between}${step.title}`;
  for (const entry of entries) {
    lines.push(`## ${entry.title}`, "");
    if (entry.stepsDone.length === 0) lines.push("No steps marked done yet.", "");
    else lines.push("Steps done:", "", ...entry.stepsDone.map((step) => `- ${label(step)}`), "");
    if (entry.furthestStep) lines.push(`Furthest step reached: ${label(entry.furthestStep, ", ")}.`, "");
    lines.push(`Last updated ${entry.updatedAt.slice(0, 10)}.`, "");
  }
  return lines.join("\n");
}

/** One file per guide, each answer under its step and prompt; free entries in journal.md. */
function reflectionFiles(entries: ReflectionEntry[]): Record<string, string> {
  const files: Record<string, string> = {};
  const byGuide = new Map<string, ReflectionEntry[]>();
  for (const entry of entries) {
    const slug = entry.guide?.slug ?? "";
    byGuide.set(slug, [...(byGuide.get(slug) ?? []), entry]);
  }
  for (const [slug, list] of byGuide) {
    const sorted = [...list].sort((a, b) => (a.step?.number ?? 0) - (b.step?.number ?? 0));
    const order = slug ? getGuide(slug)?.order : undefined;
    const name = slug ? `reflections/${String(order ?? 0).padStart(2, "0")}-${slug}.md` : "reflections/journal.md";
    const title = slug ? `# ${list[0]!.guide!.title}` : "# Journal";
    const body = sorted.map((e) =>
      e.step
        ? `## Step ${e.step.number}: ${e.step.title}\n\n> ${e.step.prompt}\n\n${e.text}\n\n_Last saved ${e.updatedAt}_`
        : `## ${e.createdAt.slice(0, 10)}\n\n${e.text}\n\n_Last saved ${e.updatedAt}_`,
    );
    files[name] = `${title}\n\n${body.join("\n\n")}\n`;
  }
  return files;
}
