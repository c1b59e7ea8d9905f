import Link from "next/link";
import type { Route } from "next";

export function TextLink({ href, children }: { href: Route; children: React.ReactNode }) {
  return (
    <Link href={href} className="font-medium text-accent-strong underline underline-offset-2 dark:text-night-accent">
      {children}
    </Link>
  );
}
