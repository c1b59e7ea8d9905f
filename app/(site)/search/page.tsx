import type { Metadata } from "next";
import { InstantSearch } from "@/components/search/instant-search";
import { searchGuides } from "@/lib/search/guides-index";

export const metadata: Metadata = {
  title: "Search",
  alternates: { canonical: "/search" },
  robots: { index: false, follow: true },
};

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  return (
    <>
      <h1 className="font-serif text-4xl font-semibold">Search the guides</h1>
      <InstantSearch initialQuery={query} initialHits={searchGuides(query)} />
    </>
  );
}
