// GET /api/guides/[slug]/comments?sort=&cursor=: one page of a guide's threads,
// as the viewer may see them (their own held comments included).
import { auth } from "@/auth";
import { listThreads } from "@/lib/comments/service";
import { listQuerySchema } from "@/lib/comments/schemas";
import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: RouteContext<"/api/guides/[slug]/comments">) {
  try {
    const { slug } = await params;
    if (!/^[a-z0-9-]{1,100}$/.test(slug))
      return Response.json({ error: "That guide does not exist." }, { status: 404 });
    const url = new URL(request.url);
    const query = listQuerySchema.safeParse({
      sort: url.searchParams.get("sort") ?? undefined,
      cursor: url.searchParams.get("cursor"),
    });
    if (!query.success) return Response.json({ error: query.error.issues[0]?.message }, { status: 400 });
    const session = await auth();
    const page = await listThreads(db, {
      guide: slug,
      viewerId: session?.user?.id ?? null,
      sort: query.data.sort,
      cursor: query.data.cursor,
    });
    return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error, request);
  }
}
