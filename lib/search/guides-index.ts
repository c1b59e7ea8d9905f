// The search index of every guide, built once per process on the server.
import MiniSearch from "minisearch";
import { getGuides } from "@/lib/content/guides";
import { indexOptions, searchIndex, type SearchDocument, type SearchHit } from "./options";

let index: MiniSearch<SearchDocument> | undefined;

export function searchDocuments(): SearchDocument[] {
  return getGuides().map((g) => ({
    id: g.slug,
    title: g.title,
    summary: g.summary,
    tags: g.tags.join(" ").replace(/-/g, " "),
    text: g.text,
  }));
}

export function guideIndex(): MiniSearch<SearchDocument> {
  if (!index) {
    index = new MiniSearch(indexOptions);
    index.addAll(searchDocuments());
  }
  return index;
}

export function searchGuides(query: string): SearchHit[] {
  return searchIndex(guideIndex(), query);
}
