import Link from "next/link";
import type { GuideJourney } from "@/lib/journey/entries";
import { formatDate, plural } from "./format";
import { ProgressRing } from "./progress-ring";

/** Each guide in path order: steps done, reflections written, last activity. */
export function GuideJourneys({ guides }: { guides: GuideJourney[] }) {
  return (
    <ol className="mt-4 grid gap-3 sm:grid-cols-2">
      {guides.map((guide) => (
        <li
          key={guide.slug}
          className="rounded-lg border border-line bg-white p-4 dark:border-night-line dark:bg-night-raised"
        >
          <h3 className="font-serif text-lg leading-snug font-semibold">
            <Link href={`/guides/${guide.slug}`} className="underline-offset-2 hover:underline">
              {guide.title}
            </Link>
          </h3>
          <div className="mt-3 flex items-center gap-3">
            <ProgressRing done={guide.stepsDone} total={guide.totalSteps} />
            <div className="text-sm">
              <p className="font-medium">
                {guide.stepsDone} of {guide.totalSteps} steps done
              </p>
              <p className="text-muted dark:text-night-muted">
                {guide.reflections === 0 ? "No reflections yet" : plural(guide.reflections, "reflection")}
              </p>
              <p className="text-muted dark:text-night-muted">
                {guide.lastActivity ? (
                  <>
                    Last activity <time dateTime={guide.lastActivity}>{formatDate(new Date(guide.lastActivity))}</time>
                  </>
                ) : (
                  "Not started"
                )}
              </p>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
