import { MDXRemote } from "next-mdx-remote/rsc";
import remarkSmartypants from "remark-smartypants";
import type { GuideSource } from "@/lib/content/guides";
import { Step } from "./step";

/** Renders a guide's MDX. Steps get their number from the order the loader read them in. */
export function GuideBody({ guide }: { guide: GuideSource }) {
  const numbers = new Map(guide.steps.map((s) => [s.id, s.number]));
  const components = {
    Step: (props: { id: string; title: string; prompt: string; children: React.ReactNode }) => (
      <Step guide={guide.slug} number={numbers.get(props.id) ?? 0} {...props} />
    ),
  };
  // JavaScript in MDX stays blocked (the library's default): guides are words, not code.
  return (
    <MDXRemote
      source={guide.body}
      components={components}
      options={{ mdxOptions: { remarkPlugins: [remarkSmartypants] } }}
    />
  );
}
