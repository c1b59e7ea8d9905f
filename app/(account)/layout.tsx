import { SiteShell } from "@/components/layout/site-shell";

export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <SiteShell width="text">{children}</SiteShell>;
}
