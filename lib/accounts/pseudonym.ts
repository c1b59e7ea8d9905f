// Suggested display names, for readers who would rather not use their own.
import { randomInt } from "node:crypto";

const FIRST = [
  "Quiet",
  "Steady",
  "Gentle",
  "Patient",
  "Hopeful",
  "Honest",
  "Calm",
  "Brave",
  "Kind",
  "Slow",
  "Open",
  "Warm",
];
const SECOND = [
  "Harbor",
  "Willow",
  "River",
  "Lantern",
  "Meadow",
  "Sparrow",
  "Cedar",
  "Tide",
  "Ember",
  "Fern",
  "Pebble",
  "Heron",
];

export function suggestPseudonym(): string {
  return `${FIRST[randomInt(FIRST.length)]} ${SECOND[randomInt(SECOND.length)]} ${randomInt(10, 100)}`;
}
