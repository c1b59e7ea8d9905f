"use client";

import { ThemeProvider as NextThemes } from "next-themes";

/** Light and dark themes that follow the OS until the reader picks one. */
export function ThemeProvider({ children }: { children: React.ReactNode }) {
  return (
    <NextThemes attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </NextThemes>
  );
}
