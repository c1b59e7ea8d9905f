"use client";

export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-md bg-accent-strong px-5 font-medium text-white hover:bg-accent dark:bg-night-accent dark:text-night"
    >
      Print
    </button>
  );
}
