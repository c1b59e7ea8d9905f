import { ProgressSync } from "@/components/articles/progress-sync";
import { SiteShell } from "@/components/layout/site-shell";

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteShell width="full">{children}</SiteShell>
      <ProgressSync />
    </>
  );
}
