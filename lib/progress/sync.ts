// Keeps this browser's progress and the account's in step. The first time an
// account signs in here, what the browser held is merged into it (a set union
// on the server, so nothing is counted twice); from then on the account is the
// source of truth and every change is sent to it, queued while offline.
import { applyLocally, getSnapshot, replaceAll, setRemote, type ProgressMap, type StepChange } from "./local";

const OWNER_KEY = "mend:progress-owner:v1";
const PENDING_KEY = "mend:progress-pending:v1";

const store = {
  get: (key: string) => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set: (key: string, value: string | null) => {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch {
      // Storage blocked: sync still works for this visit.
    }
  },
};

const readPending = (): StepChange[] => {
  try {
    return JSON.parse(store.get(PENDING_KEY) ?? "[]") as StepChange[];
  } catch {
    return [];
  }
};

async function post(
  url: string,
  body: unknown,
): Promise<{ ok: boolean; status: number; data?: { progress?: ProgressMap } }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  return { ok: response.ok, status: response.status, data: response.ok ? await response.json() : undefined };
}

let flushing = false;

async function flush() {
  if (flushing) return;
  flushing = true;
  try {
    for (let queue = readPending(); queue.length > 0; queue = readPending()) {
      const result = await post("/api/progress/step", queue[0]).catch(() => null);
      if (!result || result.status >= 500) return; // offline or unavailable: try again later
      store.set(PENDING_KEY, JSON.stringify(readPending().slice(1)));
    }
  } finally {
    flushing = false;
  }
}

// Changes made while the account's progress is on its way; re-applied on top of it.
let duringSync: StepChange[] = [];

function enqueue(change: StepChange) {
  duringSync.push(change);
  store.set(PENDING_KEY, JSON.stringify([...readPending(), change].slice(-500)));
  void flush();
}

/**
 * Takes the account's progress, keeping the steps marked or unmarked since it was
 * asked for (positions reached need no replay: the server keeps the further one).
 */
function adopt(progress: ProgressMap) {
  const since = duringSync;
  replaceAll(progress);
  for (const change of since) applyLocally(change);
}

let started = false;

/**
 * `userId` is null when nobody is signed in, and undefined when that could not be asked
 * (offline, or the server is away): then nothing is wiped, and a browser that belongs to an
 * account keeps queueing its changes for it, sent once back online.
 */
export async function startProgressSync(userId: string | null | undefined) {
  if (started) return;
  started = true;
  const owner = store.get(OWNER_KEY);
  if (userId === undefined) {
    if (owner) {
      setRemote(enqueue);
      window.addEventListener("online", () => void flush());
    }
    return;
  }
  if (!userId || (owner && owner !== userId)) {
    // Signed out, or another account signed in on this browser: the last
    // account's progress is not left behind for whoever uses the device next.
    if (owner) {
      replaceAll({});
      store.set(OWNER_KEY, null);
      store.set(PENDING_KEY, null);
    }
    if (!userId) return;
  }
  setRemote(enqueue);
  window.addEventListener("online", () => void flush());
  await flush();
  if (store.get(OWNER_KEY) !== userId) {
    const merged = await post("/api/progress/merge", { progress: getSnapshot() }).catch(() => null);
    if (merged?.ok && merged.data?.progress) {
      adopt(merged.data.progress);
      store.set(OWNER_KEY, userId);
    }
    duringSync = [];
    return;
  }
  const response = await fetch("/api/progress", { cache: "no-store" }).catch(() => null);
  if (response?.ok) adopt(((await response.json()) as { progress: ProgressMap }).progress);
  duringSync = [];
}
