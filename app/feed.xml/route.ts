// An Atom feed of every guide, built at build time.
import { Feed } from "feed";
import { getGuides } from "@/lib/content/guides";
import { absoluteUrl, SITE_DESCRIPTION, SITE_NAME } from "@/lib/site";

export const dynamic = "force-static";

export function GET() {
  const guides = getGuides();
  const updated = new Date(Math.max(...guides.map((g) => (g.updated ?? g.published).getTime())));
  const feed = new Feed({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    id: absoluteUrl("/"),
    link: absoluteUrl("/"),
    language: "en",
    updated,
    copyright: `© ${updated.getUTCFullYear()} ${SITE_NAME}`,
    feedLinks: { atom: absoluteUrl("/feed.xml") },
  });
  for (const guide of guides) {
    feed.addItem({
      title: guide.title,
      id: absoluteUrl(`/guides/${guide.slug}`),
      link: absoluteUrl(`/guides/${guide.slug}`),
      description: guide.summary,
      author: [{ name: guide.author }],
      date: guide.updated ?? guide.published,
      published: guide.published,
      category: guide.tags.map((name) => ({ name })),
    });
  }
  return new Response(feed.atom1(), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
