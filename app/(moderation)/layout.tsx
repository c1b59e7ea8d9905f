import { SiteShell } from "@/components/layout/site-shell";

export default function ModerationLayout({ children }: { children: React.ReactNode }) {
  return <SiteShell width="wide">{children}</SiteShell>;
}
