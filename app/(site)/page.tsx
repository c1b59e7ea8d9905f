import { getGuides } from "@/lib/content/guides";

export default function HomePage() {
  const guides = getGuides();
  return (
    <>
      <section aria-labelledby="intro" className="max-w-2xl">
        <h1 id="intro" className="font-serif text-4xl font-semibold tracking-tight sm:text-5xl">
          After a breakup, an honest way forward.
        </h1>
        <p className="mt-4 text-lg text-muted dark:text-night-muted">
          Mend is a set of calm, practical guides for deciding whether to try again, repairing what you can, and moving
          on with your dignity when the answer is no.
        </p>
      </section>

      <section id="guides" aria-labelledby="path" className="mt-12 scroll-mt-4">
        <h2 id="path" className="font-serif text-2xl font-semibold">
          The path, in order
        </h2>
        <ol className="mt-6 grid gap-4 sm:grid-cols-2">
          {guides.map((guide) => (
            <li
              key={guide.slug}
              className="rounded-lg border border-line bg-white p-5 dark:border-night-line dark:bg-night-raised"
            >
              <p className="text-sm text-muted dark:text-night-muted">
                Guide {guide.order} · {guide.readingMinutes} min read
              </p>
              <h3 className="mt-1 font-serif text-xl font-semibold">{guide.title}</h3>
              <p className="mt-2 text-muted dark:text-night-muted">{guide.summary}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
