import Link from "next/link";
import { ThemeToggle } from "@/components/layout/theme-toggle";

export function SiteHeader() {
  return (
    <header role="banner" className="border-b border-line dark:border-night-line">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link
          href="/"
          className="font-serif text-2xl font-semibold tracking-tight text-accent-strong dark:text-night-accent"
        >
          Mend
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1 text-sm">
          <Link
            href="/#guides"
            className="inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-accent-soft dark:hover:bg-night-raised"
          >
            Guides
          </Link>
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
