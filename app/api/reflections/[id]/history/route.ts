// GET /api/reflections/:id/history: every saved version, for the author only (404 for anyone else).
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/json";
import { envKeyring } from "@/lib/reflections/crypto";
import { reflectionHistory } from "@/lib/reflections/service";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/api/reflections/[id]/history">) {
  try {
    const session = await auth();
    if (!session?.user) return Response.json({ error: "Please sign in first." }, { status: 401 });
    const versions = await reflectionHistory(db, envKeyring(), session.user.id, (await params).id.slice(0, 100));
    return Response.json({ versions }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error, request);
  }
}
