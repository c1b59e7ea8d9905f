import type { Route } from "next";
import Link from "next/link";
import type { Role } from "@/lib/generated/prisma/enums";
import { hasRole } from "@/lib/roles/rank";

const PAGES = [
  { key: "queue", href: "/moderation", label: "Queue", role: "MODERATOR" },
  { key: "log", href: "/moderation/log", label: "Log", role: "MODERATOR" },
  { key: "guides", href: "/moderation/guides", label: "Guides", role: "MODERATOR" },
  { key: "words", href: "/admin/words", label: "Word lists", role: "ADMIN" },
  { key: "moderators", href: "/admin/moderators", label: "Moderators", role: "ADMIN" },
] as const satisfies readonly { key: string; href: Route; label: string; role: Role }[];

export type ModerationPage = (typeof PAGES)[number]["key"];

/** The moderation pages this person may open, the current one marked. */
export function ModerationNav({ role, current }: { role: Role; current: ModerationPage }) {
  return (
    <nav aria-label="Moderation" className="mb-8 border-b border-line pb-3 dark:border-night-line">
      <ul className="flex flex-wrap gap-1 text-sm">
        {PAGES.filter((p) => hasRole(role, p.role)).map((p) => (
          <li key={p.key}>
            <Link
              href={p.href}
              aria-current={p.key === current ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-md px-3 font-medium hover:bg-accent-soft aria-[current=page]:bg-accent-soft aria-[current=page]:text-accent-strong dark:hover:bg-night-raised dark:aria-[current=page]:bg-night-raised dark:aria-[current=page]:text-night-accent"
            >
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
