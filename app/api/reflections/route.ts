// GET /api/reflections?guide=slug: the signed-in author's reflections for one guide.
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/json";
import { envKeyring } from "@/lib/reflections/crypto";
import { reflectionsForGuide } from "@/lib/reflections/service";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const session = await auth();
    if (!session?.user) return Response.json({ error: "Please sign in first." }, { status: 401 });
    const guide = new URL(request.url).searchParams.get("guide")?.slice(0, 100);
    if (!guide || !/^[a-z0-9-]+$/.test(guide)) return Response.json({ error: "Say which guide." }, { status: 400 });
    const reflections = await reflectionsForGuide(db, envKeyring(), session.user.id, guide);
    return Response.json({ reflections }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error, request);
  }
}
