import { describe, expect, it } from "vitest";
import { buildHeatmap, heatmapStart, level } from "./heatmap";

// A Wednesday.
const today = new Date("2026-06-17T15:30:00Z");

describe("the calendar of writing days", () => {
  it("starts on the Monday 25 weeks before this week, so today is in the last column", () => {
    expect(heatmapStart(today).toISOString()).toBe("2025-12-22T00:00:00.000Z");
    const map = buildHeatmap([], today);
    expect(map.weeks).toHaveLength(26);
    expect(map.weeks.every((week) => week.length === 7)).toBe(true);
    expect(map.weeks[0]![0]!.day).toBe("2025-12-22");
    expect(map.weeks[25]![2]!.day).toBe("2026-06-17");
    expect(map.today).toBe("2026-06-17");
    // Thursday to Sunday of this week have not happened yet.
    expect(map.weeks[25]!.slice(3)).toEqual([null, null, null, null]);
  });

  it("shades each day by its number of saves, and lists the days written newest first", () => {
    const map = buildHeatmap(
      [
        { day: "2025-12-22", saves: 1 },
        { day: "2026-03-01", saves: 12 },
        { day: "2026-06-17", saves: 3 },
        { day: "2025-01-01", saves: 5 },
      ],
      today,
    );
    const cell = (day: string) => map.weeks.flat().find((c) => c?.day === day);
    expect(cell("2025-12-22")).toMatchObject({ saves: 1, level: 1 });
    expect(cell("2026-03-01")).toMatchObject({ saves: 12, level: 3 });
    expect(cell("2026-06-17")).toMatchObject({ saves: 3, level: 2 });
    expect(cell("2026-06-16")).toMatchObject({ saves: 0, level: 0 });
    expect(map.written.map((c) => c.day)).toEqual(["2026-06-17", "2026-03-01", "2025-12-22"]);
    expect([0, 1, 2, 3, 9, 10, 24, 25, 400].map(level)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("labels the months where they start, never two labels on top of each other", () => {
    const { months } = buildHeatmap([], today);
    expect(months.map((m) => m.label)).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun"]);
    for (let i = 1; i < months.length; i++) expect(months[i]!.week - months[i - 1]!.week).toBeGreaterThanOrEqual(3);
  });
});
