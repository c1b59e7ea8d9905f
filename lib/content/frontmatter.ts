// The frontmatter every guide in content/articles must carry. A file that does
// not match fails the build with its name and the field (see lib/content/guides.ts).
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be kebab-case, e.g. the-apology-that-lands" });

export const frontmatterSchema = z.strictObject({
  title: z.string().min(3).max(120),
  slug,
  summary: z.string().min(20).max(160, { error: "must be one sentence of at most 160 characters" }),
  author: z.string().min(2).max(80),
  published: z.coerce.date({ error: "must be a date, YYYY-MM-DD" }),
  updated: z.coerce.date({ error: "must be a date, YYYY-MM-DD" }).optional(),
  tags: z.array(slug).min(1).max(6),
  order: z.number().int().positive(),
  readingMinutes: z.number().int().positive().max(60),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
