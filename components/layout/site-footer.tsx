import Link from "next/link";
import { DiscreetToggle } from "@/components/safety/discreet-mode";

export function SiteFooter() {
  return (
    <footer role="contentinfo" className="no-print mt-16 border-t border-line dark:border-night-line">
      <div className="mx-auto flex max-w-5xl flex-col gap-4 px-4 py-8 text-sm text-muted sm:flex-row sm:items-start sm:justify-between sm:px-6 dark:text-night-muted">
        <div>
          <p>Mend offers guides, not therapy. If you are in danger, call your local emergency number.</p>
          <p className="mt-2">
            <Link href="/help" className="underline">
              Help lines and safety
            </Link>{" "}
            ·{" "}
            <Link href="/feed.xml" className="underline">
              Feed
            </Link>
          </p>
        </div>
        <DiscreetToggle />
      </div>
    </footer>
  );
}
