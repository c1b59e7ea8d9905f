import Link from "next/link";
import { AccountLink } from "@/components/layout/account-link";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { QuickExit } from "@/components/safety/quick-exit";

const navLink =
  "inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-accent-soft dark:hover:bg-night-raised";

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
        <div className="flex items-center gap-2">
          <Link href="/help" className="text-sm font-medium underline underline-offset-4">
            Not safe at home?
          </Link>
          <QuickExit />
        </div>
        <nav aria-label="Main" className="flex w-full flex-wrap items-center gap-1 text-sm sm:w-auto">
          <Link href="/#guides" className={navLink}>
            Guides
          </Link>
          <Link href="/tags" className={navLink}>
            Topics
          </Link>
          <Link href="/search" className={navLink}>
            Search
          </Link>
          <AccountLink />
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
