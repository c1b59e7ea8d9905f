import { ReflectionBox } from "@/components/reflections/reflection-box";
import { StepDoneToggle } from "./step-done-toggle";

export interface StepProps {
  guide: string;
  id: string;
  number: number;
  title: string;
  prompt: string;
  children: React.ReactNode;
}

/** One numbered step of a guide, with its reflection prompt. */
export function Step({ guide, id, number, title, prompt, children }: StepProps) {
  return (
    <section id={id} data-step={id} aria-labelledby={`${id}-title`} className="mt-14 scroll-mt-6 first:mt-8">
      <h2 id={`${id}-title`} className="!mt-0">
        <span className="block font-sans text-sm font-semibold tracking-wide text-accent-strong uppercase dark:text-night-accent">
          Step {number}
        </span>
        {title}
      </h2>
      {children}
      <aside
        aria-label={`Reflection for step ${number}`}
        className="not-prose mt-6 rounded-lg border-l-4 border-accent bg-accent-soft p-5 font-sans dark:border-night-accent dark:bg-night-raised"
      >
        <p className="text-sm font-semibold text-accent-strong dark:text-night-accent">Reflect</p>
        <p className="mt-1 font-serif text-lg leading-snug">{prompt}</p>
        <ReflectionBox guide={guide} step={id} number={number} />
      </aside>
      <StepDoneToggle guide={guide} step={id} number={number} />
    </section>
  );
}
