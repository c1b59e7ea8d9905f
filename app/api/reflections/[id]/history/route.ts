// GET /api/reflections/:id/history: every saved version, for the author only (404 for anyone else).
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { envKeyring } from "@/lib/reflections/crypto";
import { reflectionHistory } from "@/lib/reflections/service";

export const dynamic = "force-dynamic";

export async function GET(_: Request, { params }: RouteContext<"/api/reflections/[id]/history">) {
  const session = await auth();
  if (!session?.user) return Response.json({ error: "Please sign in first." }, { status: 401 });
  try {
    const versions = await reflectionHistory(db, envKeyring(), session.user.id, (await params).id.slice(0, 100));
    return Response.json({ versions }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
