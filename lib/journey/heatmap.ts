// Lays out writing days as a calendar: one column per week (Monday first), one
// row per weekday, the current week last. Pure, so it is tested without a page.
import { utcDay, type WritingDay } from "./writing-days";

export const HEATMAP_WEEKS = 26;

/** Saves a day needs for each shade: autosave keeps a version every pause, so a sitting makes several. */
export const LEVEL_THRESHOLDS = [1, 3, 10, 25] as const;

export interface HeatmapCell {
  day: string;
  saves: number;
  level: 0 | 1 | 2 | 3 | 4;
}

export interface Heatmap {
  /** weeks[w][d]: d = 0 is Monday. Days after today are null. */
  weeks: (HeatmapCell | null)[][];
  /** Where each month's label goes: the first week that starts in it. */
  months: { week: number; label: string }[];
  today: string;
  /** Days with at least one save, newest first. */
  written: HeatmapCell[];
}

const DAY_MS = 86_400_000;

const startOfUtcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** Monday of the first week shown, at 00:00 UTC. */
export function heatmapStart(today: Date, weeks = HEATMAP_WEEKS): Date {
  const day = startOfUtcDay(today);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - weekday * DAY_MS - (weeks - 1) * 7 * DAY_MS);
}

export function level(saves: number): HeatmapCell["level"] {
  return LEVEL_THRESHOLDS.filter((t) => saves >= t).length as HeatmapCell["level"];
}

const monthName = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });

export function buildHeatmap(days: WritingDay[], today: Date, weeks = HEATMAP_WEEKS): Heatmap {
  const saves = new Map(days.map((d) => [d.day, d.saves]));
  const start = heatmapStart(today, weeks).getTime();
  const last = utcDay(today);
  const grid: (HeatmapCell | null)[][] = [];
  const months: Heatmap["months"] = [];
  for (let w = 0; w < weeks; w++) {
    const column: (HeatmapCell | null)[] = [];
    for (let d = 0; d < 7; d++) {
      const date = new Date(start + (w * 7 + d) * DAY_MS);
      const day = utcDay(date);
      if (day > last) {
        column.push(null);
        continue;
      }
      const count = saves.get(day) ?? 0;
      column.push({ day, saves: count, level: level(count) });
      if (date.getUTCDate() === 1 || (w === 0 && d === 0)) months.push({ week: w, label: monthName.format(date) });
    }
    grid.push(column);
  }
  // A label squeezed against the next one would overlap it: keep the later one.
  const spaced = months.filter((m, i) => months[i + 1] === undefined || months[i + 1]!.week - m.week >= 3);
  const written = grid
    .flat()
    .filter((c): c is HeatmapCell => c !== null && c.saves > 0)
    .reverse();
  return { weeks: grid, months: spaced, today: last, written };
}
