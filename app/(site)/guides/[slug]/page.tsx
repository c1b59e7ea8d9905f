import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GuideBody } from "@/components/articles/guide-body";
import { GuideCard } from "@/components/articles/guide-card";
import { GuideMeta, TagList } from "@/components/articles/guide-meta";
import { ReadingTracker } from "@/components/articles/reading-tracker";
import { TableOfContents } from "@/components/articles/table-of-contents";
import { DiscussionSection } from "@/components/comments/discussion-section";
import { getGuide, getGuides, neighbours, relatedGuides } from "@/lib/content/guides";
import { OG_IMAGE_SIZE, ogImagePath } from "@/lib/og";
import { absoluteUrl, SITE_NAME } from "@/lib/site";

export const dynamicParams = false;

export function generateStaticParams() {
  return getGuides().map((g) => ({ slug: g.slug }));
}

export async function generateMetadata({ params }: PageProps<"/guides/[slug]">): Promise<Metadata> {
  const guide = getGuide((await params).slug);
  if (!guide) return {};
  const url = `/guides/${guide.slug}`;
  const image = { url: ogImagePath(guide.slug), ...OG_IMAGE_SIZE, alt: guide.title };
  return {
    title: guide.title,
    description: guide.summary,
    authors: [{ name: guide.author }],
    keywords: guide.tags,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      title: guide.title,
      description: guide.summary,
      siteName: SITE_NAME,
      publishedTime: guide.published.toISOString(),
      modifiedTime: (guide.updated ?? guide.published).toISOString(),
      authors: [guide.author],
      tags: guide.tags,
      images: [image],
    },
    twitter: { card: "summary_large_image", title: guide.title, description: guide.summary, images: [image] },
  };
}

export default async function GuidePage({ params }: PageProps<"/guides/[slug]">) {
  const guide = getGuide((await params).slug);
  if (!guide) notFound();
  const { previous, next } = neighbours(guide.slug);
  const related = relatedGuides(guide.slug);
  const total = getGuides().length;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: guide.title,
    description: guide.summary,
    author: { "@type": "Person", name: guide.author },
    datePublished: guide.published.toISOString(),
    dateModified: (guide.updated ?? guide.published).toISOString(),
    keywords: guide.tags.join(", "),
    wordCount: guide.words,
    image: absoluteUrl(ogImagePath(guide.slug)),
    mainEntityOfPage: absoluteUrl(`/guides/${guide.slug}`),
    publisher: { "@type": "Organization", name: SITE_NAME, url: absoluteUrl("/") },
  };

  return (
    <article>
      <script type="application/ld+json">{JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>
      <header className="max-w-3xl">
        <p className="text-sm font-semibold text-accent-strong dark:text-night-accent">
          Guide {guide.order} of {total}
        </p>
        <h1 className="mt-2 font-serif text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
          {guide.title}
        </h1>
        <p className="mt-4 text-lg text-muted dark:text-night-muted">{guide.summary}</p>
        <div className="mt-4 space-y-3">
          <GuideMeta guide={guide} />
          <TagList tags={guide.tags} />
        </div>
      </header>

      <div className="mt-10 lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-12">
        <div className="lg:order-2">
          <TableOfContents guide={guide.slug} steps={guide.steps} />
        </div>
        <div className="min-w-0 lg:order-1">
          <ReadingTracker guide={guide.slug} steps={guide.steps} />
          <div className="prose prose-lg max-w-none font-serif prose-headings:font-serif prose-a:text-accent-strong prose-blockquote:font-normal prose-blockquote:not-italic dark:prose-invert dark:prose-a:text-night-accent">
            <GuideBody guide={guide} />
          </div>
        </div>
      </div>

      <nav aria-label="Previous and next guides" className="no-print mt-16 grid gap-4 sm:grid-cols-2">
        {previous ? (
          <Link
            href={`/guides/${previous.slug}`}
            rel="prev"
            className="rounded-lg border border-line p-4 hover:border-accent dark:border-night-line dark:hover:border-night-accent"
          >
            <span className="block text-sm text-muted dark:text-night-muted">Previous guide</span>
            <span className="font-serif text-lg font-semibold">{previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link
            href={`/guides/${next.slug}`}
            rel="next"
            className="rounded-lg border border-line p-4 text-right hover:border-accent dark:border-night-line dark:hover:border-night-accent"
          >
            <span className="block text-sm text-muted dark:text-night-muted">Next guide</span>
            <span className="font-serif text-lg font-semibold">{next.title}</span>
          </Link>
        ) : null}
      </nav>

      <DiscussionSection guide={guide.slug}>
        <noscript>
          <p className="mt-3">
            The discussion needs JavaScript here.{" "}
            <Link
              href={`/guides/${guide.slug}/discussion`}
              className="font-medium text-accent-strong underline dark:text-night-accent"
            >
              Read and join the discussion on its own page
            </Link>
            .
          </p>
        </noscript>
      </DiscussionSection>

      {related.length > 0 ? (
        <section aria-labelledby="related" className="no-print mt-12">
          <h2 id="related" className="font-serif text-2xl font-semibold">
            Related guides
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-3">
            {related.map((g) => (
              <li key={g.slug}>
                <GuideCard guide={g} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
