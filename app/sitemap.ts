import type { MetadataRoute } from "next";
import { getGuides, tagIndex } from "@/lib/content/guides";
import { absoluteUrl } from "@/lib/site";

export default function sitemap(): MetadataRoute.Sitemap {
  const guides = getGuides();
  const latest = new Date(Math.max(...guides.map((g) => (g.updated ?? g.published).getTime())));
  return [
    { url: absoluteUrl("/"), lastModified: latest, changeFrequency: "weekly", priority: 1 },
    ...guides.map((g) => ({
      url: absoluteUrl(`/guides/${g.slug}`),
      lastModified: g.updated ?? g.published,
      changeFrequency: "monthly" as const,
      priority: 0.8,
    })),
    { url: absoluteUrl("/tags"), lastModified: latest, priority: 0.4 },
    ...[...tagIndex().keys()].map((tag) => ({ url: absoluteUrl(`/tags/${tag}`), lastModified: latest, priority: 0.3 })),
    { url: absoluteUrl("/help"), priority: 0.5 },
  ];
}
