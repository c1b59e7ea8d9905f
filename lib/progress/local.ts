// Reading progress kept in this browser, for readers who are not signed in:
// which steps of each guide are done, and the furthest step reached.
// A small external store, so every island on a page shares one state.

export interface GuideProgress {
  done: string[];
  furthest?: string;
  updatedAt?: string;
}

export type ProgressMap = Record<string, GuideProgress>;

const KEY = "mend:progress:v1";
const EMPTY: ProgressMap = {};
const listeners = new Set<() => void>();
let snapshot: ProgressMap | undefined;

function read(): ProgressMap {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(KEY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as ProgressMap) : {};
  } catch {
    return {};
  }
}

function write(next: ProgressMap) {
  snapshot = next;
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: progress still works for this visit.
  }
  listeners.forEach((l) => l());
}

export function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== KEY) return;
    snapshot = read();
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function getSnapshot(): ProgressMap {
  snapshot ??= read();
  return snapshot;
}

export const getServerSnapshot = (): ProgressMap => EMPTY;

function update(guide: string, change: (current: GuideProgress) => GuideProgress) {
  const all = getSnapshot();
  const next = change(all[guide] ?? { done: [] });
  write({ ...all, [guide]: { ...next, updatedAt: new Date().toISOString() } });
}

export interface StepChange {
  guide: string;
  step: string;
  done?: boolean;
  reached?: boolean;
}

// Where changes go besides this browser: the account, once the reader is signed in (lib/progress/sync.ts).
let remote: ((change: StepChange) => void) | undefined;
// Changes made before anyone knows whether a reader is signed in (the session is still on its
// way): handed to the account's sink when it is set, so the account's older copy, arriving
// after them, does not undo them.
let early: StepChange[] = [];

export function setRemote(sink: ((change: StepChange) => void) | undefined) {
  remote = sink;
  if (!sink) return;
  const waiting = early;
  early = [];
  waiting.forEach(sink);
}

function send(change: StepChange) {
  if (remote) remote(change);
  else early = [...early, change].slice(-500);
}

/** Replaces everything this browser holds, e.g. with the account's progress. */
export function replaceAll(next: ProgressMap) {
  write(next);
}

/** Marks a step done or not in this browser's copy only. */
export function applyLocally({ guide, step, done }: StepChange) {
  if (done === undefined) return;
  update(guide, (p) => ({
    ...p,
    done: done ? [...new Set([...p.done, step])] : p.done.filter((s) => s !== step),
  }));
}

export function setStepDone(guide: string, step: string, done: boolean) {
  applyLocally({ guide, step, done });
  send({ guide, step, done });
}

/** Records `step` as reached when it lies further along than the furthest so far. */
export function reachStep(guide: string, step: string, order: readonly string[]) {
  const current = getSnapshot()[guide];
  const at = current?.furthest ? order.indexOf(current.furthest) : -1;
  if (order.indexOf(step) > at) {
    update(guide, (p) => ({ ...p, furthest: step }));
    send({ guide, step, reached: true });
  }
}
