// The numbered steps of a guide, read from its <Step id="…" title="…" prompt="…"> tags.
// A step's id is what progress and reflections refer to, so headings can be
// reworded without orphaning anything a reader saved.
import { z } from "zod";

export const stepSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be kebab-case, e.g. name-the-mistake" }),
  title: z.string().min(3).max(120),
  prompt: z
    .string()
    .min(10)
    .max(300)
    .regex(/\?$/, { error: "must be a question, ending with ?" }),
});

export interface Step extends z.infer<typeof stepSchema> {
  number: number;
}

const STEP_TAG = /^<Step\s+([^>]*)>\s*$/gm;
const ATTRIBUTE = /(\w+)="([^"]*)"/g;

/** Reads the steps in order; returns problems instead of throwing, for the caller to name the file. */
export function readSteps(body: string): { steps: Step[]; problems: string[] } {
  const steps: Step[] = [];
  const problems: string[] = [];
  const openings = body.match(/<Step\b/g)?.length ?? 0;
  for (const [, attributes] of body.matchAll(STEP_TAG)) {
    const fields = Object.fromEntries([...attributes!.matchAll(ATTRIBUTE)].map(([, k, v]) => [k, v]));
    const result = stepSchema.safeParse(fields);
    const number = steps.length + problems.length + 1;
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(`step ${number}${fields.id ? ` (${fields.id})` : ""}: ${issue.path.join(".")} ${issue.message}`);
      }
      continue;
    }
    steps.push({ ...result.data, title: typographic(result.data.title), prompt: typographic(result.data.prompt), number });
  }
  if (openings !== steps.length + new Set(problems.map((p) => p.split(":")[0])).size) {
    problems.push("every <Step> tag must sit on a line of its own, with its attributes in double quotes");
  }
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(step.id)) problems.push(`step ${step.number}: id ${step.id} is used twice`);
    seen.add(step.id);
  }
  if (steps.length === 0 && problems.length === 0) problems.push("a guide needs at least one <Step>");
  return { steps, problems };
}

/** Curly apostrophes and quotes, as the body text gets them from remark-smartypants. */
export function typographic(text: string): string {
  return text
    .replace(/(\w)'(\w)/g, "$1\u2019$2")
    .replace(/'(\w)/g, "\u2018$1")
    .replace(/(\w)'/g, "$1\u2019");
}

/** The words a reader reads: markup and tags removed. */
export function plainText(body: string): string {
  return body
    .replace(/<\/?Step\b[^>]*>/g, " ")
    .replace(/^#+\s*/gm, "")
    .replace(/[*_`>]|^\s*[-+]\s+|^\s*\d+\.\s+/gm, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}
