// GET /api/reflections/:id: one entry, for its author only (404 for anyone else, and for an id not yet saved).
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/json";
import { envKeyring } from "@/lib/reflections/crypto";
import { getReflection } from "@/lib/reflections/service";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/api/reflections/[id]">) {
  try {
    const session = await auth();
    if (!session?.user) return Response.json({ error: "Please sign in first." }, { status: 401 });
    const reflection = await getReflection(db, envKeyring(), session.user.id, (await params).id.slice(0, 100));
    return Response.json({ reflection }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error, request);
  }
}
