"use client";

import { useSyncExternalStore } from "react";
import { getServerSnapshot, getSnapshot, subscribe, type GuideProgress, type ProgressMap } from "@/lib/progress/local";

export function useAllProgress(): ProgressMap {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

const NONE: GuideProgress = { done: [] };

export function useGuideProgress(guide: string): GuideProgress {
  return useAllProgress()[guide] ?? NONE;
}
