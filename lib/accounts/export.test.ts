import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExport, exportArchive, exportFileName, exportFiles, exportJson } from "@/lib/accounts/export";
import { getGuide } from "@/lib/content/guides";
import { seed } from "@/lib/database/seed";
import { AppError } from "@/lib/errors";
import { envKeyring } from "@/lib/reflections/crypto";
import { saveReflection } from "@/lib/reflections/service";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/database";

let database: TestDatabase;
let ada: string;
let grace: string;
const guide = getGuide("owning-what-went-wrong")!;
const [first, second, third] = guide.steps;
const secrets = [
  "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0$aGFzaA",
  "github-access-token-ada",
  "github-refresh-token-ada",
  "github-id-token-ada",
  "a".repeat(64),
];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seed(db);
  ada = (
    await db.user.create({
      data: {
        name: "Quiet Harbor 12",
        email: "ada@example.com",
        emailVerified: new Date("2026-11-02T10:00:00Z"),
        passwordHash: secrets[0],
        sessionVersion: 7,
        createdAt: new Date("2026-11-01T09:30:00Z"),
        accounts: {
          create: {
            type: "oauth",
            provider: "github",
            providerAccountId: "4242",
            access_token: secrets[1],
            refresh_token: secrets[2],
            id_token: secrets[3],
          },
        },
        tokens: {
          create: {
            purpose: "VERIFY_EMAIL",
            tokenHash: secrets[4]!,
            email: "ada@example.com",
            expiresAt: new Date("2030-01-01"),
          },
        },
      },
    })
  ).id;
  grace = (await db.user.create({ data: { name: "Open Fern 40", email: "grace@example.com" } })).id;
  await db.guideProgress.create({
    data: {
      userId: ada,
      guideSlug: guide.slug,
      // Saved out of order, and with a step the guide no longer has.
      doneSteps: [second!.id, "a-retired-step", first!.id],
      furthestStep: third!.id,
    },
  });
  await db.guideProgress.create({
    data: { userId: grace, guideSlug: "should-you-try-again", doneSteps: ["grace-only"], furthestStep: null },
  });
});

afterAll(async () => {
  await database?.drop();
});

describe("buildExport", () => {
  it("holds the profile, the linked providers and the reading progress, with the guide's titles", async () => {
    const exported = await buildExport(database.db, ada, new Date("2026-11-21T08:15:00Z"));
    expect(exported).toEqual({
      version: 1,
      exportedAt: "2026-11-21T08:15:00.000Z",
      profile: {
        displayName: "Quiet Harbor 12",
        email: "ada@example.com",
        emailVerifiedAt: "2026-11-02T10:00:00.000Z",
        role: "READER",
        createdAt: "2026-11-01T09:30:00.000Z",
      },
      signInProviders: ["github"],
      readingProgress: [
        {
          guide: guide.slug,
          title: "Owning what went wrong",
          stepsDone: [
            { id: first!.id, number: 1, title: first!.title },
            { id: second!.id, number: 2, title: second!.title },
            { id: "a-retired-step", number: null, title: null },
          ],
          furthestStep: { id: third!.id, number: 3, title: third!.title },
          updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
      reflections: [],
      comments: { written: [], emailMeAboutReplies: false, peopleYouMuted: 0, reportsYouMade: 0 },
    });
  });

  it("holds no password hash, session version, token or other reader's data", async () => {
    const text = exportJson(await buildExport(database.db, ada));
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/passwordHash|sessionVersion|tokenHash|access_token|providerAccountId|4242/);
    expect(text).not.toContain("grace");
    expect(text).not.toContain("should-you-try-again");

    const theirs = await buildExport(database.db, grace);
    expect(theirs.profile).toMatchObject({ email: "grace@example.com", emailVerifiedAt: null });
    expect(theirs.signInProviders).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain("ada");
  });

  it("answers not found for an account that no longer exists", async () => {
    const attempt = buildExport(database.db, "no-such-user");
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("reflections in the export", () => {
  it("are in clear text, with their guide, step and prompt, one Markdown file per guide", async () => {
    const guide = getGuide("the-apology-that-lands")!;
    const step = guide.steps[0]!;
    await saveReflection(database.db, envKeyring(), ada, {
      target: { guide: guide.slug, step: step.id },
      text: "I read her letters without asking.",
      baseVersion: 0,
      saveId: crypto.randomUUID(),
    });
    const document = await buildExport(database.db, ada);
    expect(document.reflections).toEqual([
      expect.objectContaining({
        guide: { slug: guide.slug, title: guide.title },
        step: { id: step.id, number: 1, title: step.title, prompt: step.prompt },
        text: "I read her letters without asking.",
        version: 1,
      }),
    ]);
    const file = exportFiles(document)[`reflections/03-${guide.slug}.md`]!;
    expect(file).toContain(`# ${guide.title}`);
    expect(file).toContain(`## Step 1: ${step.title}\n\n> ${step.prompt}\n\nI read her letters without asking.`);
    expect((await buildExport(database.db, grace)).reflections).toEqual([]);
  });
});

describe("the archive", () => {
  it("holds the same JSON, a README that says when it was made, and progress.md", async () => {
    const exported = await buildExport(database.db, ada, new Date("2026-11-21T08:15:00Z"));
    const files = unzipSync(exportArchive(exported));
    expect(Object.keys(files).sort()).toEqual([
      "README.md",
      "mend-export.json",
      "progress.md",
      "reflections/03-the-apology-that-lands.md",
    ]);
    expect(JSON.parse(strFromU8(files["mend-export.json"]!))).toEqual(exported);

    const readme = strFromU8(files["README.md"]!);
    expect(readme).toContain("Made on 2026-11-21 at 08:15 UTC.");
    expect(readme).toContain("- `progress.md`: the steps you marked done in each guide");
    for (const key of ["profile", "signInProviders", "readingProgress", "reflections", "comments"]) {
      expect(readme).toContain(`- \`${key}\`: `);
    }

    expect(strFromU8(files["progress.md"]!)).toBe(
      [
        "# Your reading progress",
        "",
        "## Owning what went wrong",
        "",
        "Steps done:",
        "",
        `- Step 1: ${first!.title}`,
        `- Step 2: ${second!.title}`,
        "- A step no longer in the guide (a-retired-step)",
        "",
        `Furthest step reached: Step 3, ${third!.title}.`,
        "",
        `Last updated ${(exported.readingProgress as { updatedAt: string }[])[0]!.updatedAt.slice(0, 10)}.`,
        "",
      ].join("\n"),
    );
  });

  it("says so in progress.md when there is no progress", async () => {
    const user = await database.db.user.create({ data: { email: "new@example.com" } });
    const files = exportFiles(await buildExport(database.db, user.id));
    expect(files["progress.md"]).toBe("# Your reading progress\n\nYou have not saved progress in any guide yet.\n");
  });

  it("is named by the day it was made", () => {
    expect(exportFileName("zip", "2026-11-21T23:59:59.000Z")).toBe("mend-export-2026-11-21.zip");
    expect(exportFileName("json", "2026-01-02T00:00:00.000Z")).toBe("mend-export-2026-01-02.json");
  });
});
