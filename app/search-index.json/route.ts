// The serialized guide index the instant search loads in the browser. Built at build time.
import { guideIndex } from "@/lib/search/guides-index";

export const dynamic = "force-static";

export function GET() {
  return new Response(JSON.stringify(guideIndex()), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
