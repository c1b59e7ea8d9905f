import type { Metadata, Viewport } from "next";
import { ThemeProvider } from "@/components/layout/theme-provider";
import { DiscreetTab } from "@/components/safety/discreet-mode";
import { SITE_DESCRIPTION, siteUrl } from "@/lib/site";
import { inter, sourceSerif } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: "Mend: after a breakup, an honest way forward", template: "%s · Mend" },
  description: SITE_DESCRIPTION,
  alternates: { canonical: "/", types: { "application/atom+xml": "/feed.xml" } },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#14171a" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${inter.variable} ${sourceSerif.variable}`} suppressHydrationWarning>
      <body className="min-h-dvh font-sans">
        <ThemeProvider>
          <DiscreetTab />
          {children}
        </ThemeProvider>
      </body>
    </html>
  );
}
