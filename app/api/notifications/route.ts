// GET /api/notifications: the signed-in reader's notifications and unread count.
// GET /api/notifications?count=1: the unread count alone, for the bell.
import { auth } from "@/auth";
import { listNotifications, unreadCount } from "@/lib/comments/notifications";
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const session = await auth();
    if (!session?.user) return Response.json({ error: "Please sign in first." }, { status: 401 });
    const headers = { "Cache-Control": "private, no-store" };
    const unread = await unreadCount(db, session.user.id);
    if (new URL(request.url).searchParams.has("count")) return Response.json({ unread }, { headers });
    return Response.json({ unread, notifications: await listNotifications(db, session.user.id) }, { headers });
  } catch (error) {
    return jsonError(error, request);
  }
}
