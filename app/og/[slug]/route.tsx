// The card shown when a guide is shared (Open Graph and Twitter): its title and
// summary, drawn at build time. A route of its own gives it a stable address.
import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { getGuide, getGuides } from "@/lib/content/guides";
import { OG_IMAGE_SIZE } from "@/lib/og";
import { SITE_NAME } from "@/lib/site";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return getGuides().map((g) => ({ slug: g.slug }));
}

export async function GET(_: Request, { params }: RouteContext<"/og/[slug]">) {
  const guide = getGuide((await params).slug);
  if (!guide) notFound();
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#fbfaf7",
        color: "#1f2328",
        borderLeft: "24px solid #2f6f5e",
      }}
    >
      <div style={{ fontSize: 36, color: "#245849", fontWeight: 700 }}>{SITE_NAME}</div>
      <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
        <div style={{ fontSize: 72, fontWeight: 700, lineHeight: 1.1 }}>{guide.title}</div>
        <div style={{ fontSize: 32, color: "#57606a", lineHeight: 1.3 }}>{guide.summary}</div>
      </div>
      <div style={{ fontSize: 28, color: "#57606a" }}>{`Guide ${guide.order} · ${guide.readingMinutes} min read`}</div>
    </div>,
    OG_IMAGE_SIZE,
  );
}
