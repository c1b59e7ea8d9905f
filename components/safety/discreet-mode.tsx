"use client";

import { usePathname } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { DISCREET_ICON, DISCREET_KEY, DISCREET_TITLE } from "@/lib/safety";

const listeners = new Set<() => void>();
const read = () => {
  try {
    return window.localStorage.getItem(DISCREET_KEY) === "on";
  } catch {
    return false;
  }
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
};

function setDiscreet(on: boolean) {
  try {
    if (on) window.localStorage.setItem(DISCREET_KEY, "on");
    else window.localStorage.removeItem(DISCREET_KEY);
  } catch {
    // Storage blocked: the setting lasts for this page only.
  }
  listeners.forEach((l) => l());
}

export function useDiscreet() {
  return useSyncExternalStore(subscribe, read, () => false);
}

/** Keeps the tab's title and icon neutral while discreet mode is on, across navigations. */
export function DiscreetTab() {
  const discreet = useDiscreet();
  const pathname = usePathname();

  useEffect(() => {
    if (!discreet) return;
    const icons = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"], link[rel="apple-touch-icon"]')];
    const originals = icons.map((link) => link.href);
    let realTitle = document.title;
    const apply = () => {
      if (document.title !== DISCREET_TITLE) {
        realTitle = document.title;
        document.title = DISCREET_TITLE;
      }
      icons.forEach((link) => {
        if (!link.href.endsWith(DISCREET_ICON)) link.href = DISCREET_ICON;
      });
    };
    apply();
    // Next sets the title again on navigation: put the neutral one back each time.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      icons.forEach((link, i) => (link.href = originals[i]!));
      document.title = realTitle;
    };
  }, [discreet, pathname]);

  return null;
}

export function DiscreetToggle() {
  const discreet = useDiscreet();
  return (
    <button
      type="button"
      aria-pressed={discreet}
      onClick={() => setDiscreet(!discreet)}
      className="inline-flex min-h-11 items-center gap-2 rounded-md border border-line px-3 text-sm font-medium hover:bg-accent-soft dark:border-night-line dark:hover:bg-night-raised"
    >
      Discreet tab
      <span className="text-muted dark:text-night-muted">{discreet ? "(on)" : "(off)"}</span>
    </button>
  );
}
