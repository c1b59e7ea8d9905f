// GET /api/progress: the signed-in reader's progress through every guide.
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/json";
import { getProgress } from "@/lib/progress/server";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const session = await auth();
    if (!session?.user) return Response.json({ error: "Please sign in first." }, { status: 401 });
    return Response.json(
      { progress: await getProgress(db, session.user.id) },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    return jsonError(error, request);
  }
}
