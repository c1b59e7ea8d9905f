import { ContinueReading } from "@/components/articles/continue-reading";
import { GuideCard } from "@/components/articles/guide-card";
import { getGuides } from "@/lib/content/guides";

export default function HomePage() {
  const guides = getGuides();
  return (
    <>
      <section aria-labelledby="intro" className="max-w-2xl">
        <h1 id="intro" className="font-serif text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
          After a breakup, an honest way forward.
        </h1>
        <p className="mt-4 text-lg text-muted dark:text-night-muted">
          Mend is a set of calm, practical guides for deciding whether to try again, repairing what you can, and moving
          on with your dignity when the answer is no.
        </p>
      </section>

      <ContinueReading
        guides={guides.map((g) => ({
          slug: g.slug,
          title: g.title,
          steps: g.steps.map(({ id, number, title }) => ({ id, number, title })),
        }))}
      />

      <section id="guides" aria-labelledby="path" className="mt-12 scroll-mt-4">
        <h2 id="path" className="font-serif text-2xl font-semibold">
          The path, in order
        </h2>
        <ol className="mt-6 grid gap-4 sm:grid-cols-2">
          {guides.map((guide) => (
            <li key={guide.slug}>
              <GuideCard guide={guide} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
