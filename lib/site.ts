// Facts about the site that pages, feeds and metadata share.
export const SITE_NAME = "Mend";
export const SITE_DESCRIPTION =
  "Guides for the weeks after a breakup: whether to try again, how to repair what went wrong, and how to move on with dignity when the answer is no.";

/** The public origin, for canonical links, feeds and the sitemap (AUTH_URL, which is set per deployment). */
export function siteUrl(): URL {
  return new URL(process.env.AUTH_URL || `http://localhost:${process.env.PORT || 3000}`);
}

export const absoluteUrl = (path: string) => new URL(path, siteUrl()).toString();
