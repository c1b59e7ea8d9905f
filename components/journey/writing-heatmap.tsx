import { HEATMAP_WEEKS, type Heatmap, type HeatmapCell } from "@/lib/journey/heatmap";
import { formatDate, plural } from "./format";

const CELL = 11;
const STEP = 14;
const LEFT = 30;
const TOP = 16;
const WIDTH = LEFT + HEATMAP_WEEKS * STEP;
const HEIGHT = TOP + 7 * STEP;

// Shades of the accent, each darker than the last in both themes; the empty day is the line colour.
const SHADES: Record<HeatmapCell["level"], string> = {
  0: "fill-line/70 dark:fill-night-line",
  1: "fill-accent/40 dark:fill-night-accent/40",
  2: "fill-accent/65 dark:fill-night-accent/60",
  3: "fill-accent/85 dark:fill-night-accent/80",
  4: "fill-accent-strong dark:fill-night-accent",
};

const WEEKDAYS = ["Mon", "", "Wed", "", "Fri", "", ""];

const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));
const describe = (cell: HeatmapCell) =>
  `${day(cell.day)}: ${cell.saves === 0 ? "nothing saved" : plural(cell.saves, "version") + " saved"}`;

/**
 * The days with writing over the last 26 weeks. The picture is for the eye
 * (each square says its day on hover); the summary and the table under it say
 * the same to a screen reader.
 */
export function WritingHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const { written } = heatmap;
  return (
    <figure className="mt-4">
      <figcaption className="text-base">
        {written.length === 0
          ? "You have not written in the last 6 months. The days you write on will fill in here."
          : `You wrote on ${plural(written.length, "day")} in the last 6 months; most recently on ${day(written[0]!.day)}.`}
      </figcaption>
      <div className="mt-3">
        <svg aria-hidden="true" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-[36rem] font-sans">
          {heatmap.months.map((m) => (
            <text
              key={`${m.week}-${m.label}`}
              x={LEFT + m.week * STEP}
              y={10}
              fontSize="9"
              className="fill-muted dark:fill-night-muted"
            >
              {m.label}
            </text>
          ))}
          {WEEKDAYS.map((label, d) =>
            label ? (
              <text key={label} x={0} y={TOP + d * STEP + 9} fontSize="9" className="fill-muted dark:fill-night-muted">
                {label}
              </text>
            ) : null,
          )}
          {heatmap.weeks.map((week, w) =>
            week.map((cell, d) =>
              cell ? (
                <rect
                  key={cell.day}
                  data-day={cell.day}
                  data-level={cell.level}
                  x={LEFT + w * STEP}
                  y={TOP + d * STEP}
                  width={CELL}
                  height={CELL}
                  rx="2"
                  className={`${SHADES[cell.level]} ${
                    cell.day === heatmap.today ? "stroke-ink stroke-[1.5] dark:stroke-night-ink" : ""
                  }`}
                >
                  <title>{`${describe(cell)}${cell.day === heatmap.today ? " (today)" : ""}`}</title>
                </rect>
              ) : null,
            ),
          )}
        </svg>
      </div>
      <div aria-hidden="true" className="mt-2 flex items-center gap-1 text-xs text-muted dark:text-night-muted">
        <span className="mr-1">Fewer saves</span>
        {([0, 1, 2, 3, 4] as const).map((level) => (
          <svg key={level} viewBox="0 0 11 11" className="size-3">
            <rect width="11" height="11" rx="2" className={SHADES[level]} />
          </svg>
        ))}
        <span className="ml-1">More</span>
      </div>
      <p className="mt-1 text-xs text-muted dark:text-night-muted">
        Each square is a day (UTC), outlined for today; autosave keeps a version at every pause in your writing.
      </p>
      {written.length > 0 ? (
        <table className="sr-only">
          <caption>Days you wrote in the last 6 months</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Versions saved</th>
            </tr>
          </thead>
          <tbody>
            {written.map((cell) => (
              <tr key={cell.day}>
                <th scope="row">
                  {day(cell.day)}
                  {cell.day === heatmap.today ? " (today)" : ""}
                </th>
                <td>{cell.saves}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  );
}
