import type { Step } from "@/lib/content/steps";
import { StepDoneMark } from "./step-done-mark";

function StepList({ guide, steps }: { guide: string; steps: Step[] }) {
  return (
    <ol className="space-y-1 text-sm">
      {steps.map((step) => (
        <li key={step.id}>
          <a
            href={`#${step.id}`}
            className="flex min-h-11 items-start gap-2 rounded-md px-2 py-2 hover:bg-accent-soft dark:hover:bg-night-raised"
          >
            <span className="w-5 shrink-0 text-right font-semibold text-accent-strong tabular-nums dark:text-night-accent">
              {step.number}.
            </span>
            <span className="flex-1">{step.title}</span>
            <StepDoneMark guide={guide} step={step.id} />
          </a>
        </li>
      ))}
    </ol>
  );
}

/** The steps of a guide: sticky beside the text on wide screens, a collapsible list on phones. */
export function TableOfContents({ guide, steps }: { guide: string; steps: Step[] }) {
  return (
    <>
      <details className="no-print mb-8 rounded-lg border border-line lg:hidden dark:border-night-line">
        <summary className="flex min-h-11 cursor-pointer items-center px-4 font-medium">
          Steps in this guide ({steps.length})
        </summary>
        <nav aria-label="Steps in this guide" className="px-2 pb-3">
          <StepList guide={guide} steps={steps} />
        </nav>
      </details>
      <nav
        aria-label="Steps in this guide"
        className="no-print sticky top-6 hidden max-h-[calc(100dvh-3rem)] overflow-y-auto lg:block"
      >
        <p className="mb-2 px-2 text-sm font-semibold text-muted dark:text-night-muted">Steps in this guide</p>
        <StepList guide={guide} steps={steps} />
      </nav>
    </>
  );
}
