import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GuideCard } from "@/components/articles/guide-card";
import { tagIndex, tagLabel } from "@/lib/content/guides";

export const dynamicParams = false;

export function generateStaticParams() {
  return [...tagIndex().keys()].map((tag) => ({ tag }));
}

export async function generateMetadata({ params }: PageProps<"/tags/[tag]">): Promise<Metadata> {
  const { tag } = await params;
  return {
    title: `Guides about ${tagLabel(tag)}`,
    alternates: { canonical: `/tags/${tag}` },
  };
}

export default async function TagPage({ params }: PageProps<"/tags/[tag]">) {
  const { tag } = await params;
  const guides = tagIndex().get(tag);
  if (!guides) notFound();
  return (
    <>
      <p className="text-sm font-semibold text-accent-strong dark:text-night-accent">Tag</p>
      <h1 className="mt-1 font-serif text-4xl font-semibold capitalize">{tagLabel(tag)}</h1>
      <p className="mt-3 text-muted dark:text-night-muted">
        {guides.length === 1 ? "One guide" : `${guides.length} guides`} about {tagLabel(tag)}.
      </p>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {guides.map((g) => (
          <li key={g.slug}>
            <GuideCard guide={g} headingLevel={2} />
          </li>
        ))}
      </ul>
    </>
  );
}
