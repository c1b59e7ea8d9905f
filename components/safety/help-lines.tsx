// A list of help lines: where each one serves, its name, and how to reach it.

export interface HelpLine {
  where: string;
  name: string;
  how: string;
}

export function HelpLines({ lines }: { lines: readonly HelpLine[] }) {
  return (
    <ul className="mt-4 space-y-4">
      {lines.map((line) => (
        <li key={line.name} className="rounded-lg border border-line p-4 dark:border-night-line">
          <p className="text-sm text-muted dark:text-night-muted">{line.where}</p>
          <p className="font-semibold">{line.name}</p>
          <p className="mt-1">{line.how}</p>
        </li>
      ))}
    </ul>
  );
}
