import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";

const WIDTHS = { narrow: "max-w-md", text: "max-w-3xl", wide: "max-w-4xl", full: "max-w-5xl" } as const;

/** The frame of every page: skip link, header, the main landmark at a width that suits the page, footer. */
export function SiteShell({ width, children }: { width: keyof typeof WIDTHS; children: React.ReactNode }) {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="main" tabIndex={-1} className={`mx-auto ${WIDTHS[width]} px-4 py-10 outline-none sm:px-6`}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
