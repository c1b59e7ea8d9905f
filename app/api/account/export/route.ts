// Downloads everything Mend holds about the signed-in reader. A GET and not a
// form route: it changes nothing, so a plain link can start the download.
import { auth } from "@/auth";
import { exportArchive, exportFileName, exportJson, exportOwnAccount } from "@/lib/accounts/export";
import { AppError } from "@/lib/errors";

const TYPES = { json: "application/json; charset=utf-8", zip: "application/zip" } as const;

export async function GET(request: Request): Promise<Response> {
  try {
    const session = await auth();
    if (!session?.user) throw new AppError("unauthorized", "Please sign in to download your data.");
    const format = new URL(request.url).searchParams.get("format") ?? "json";
    if (format !== "json" && format !== "zip") {
      throw new AppError("bad_request", "Ask for format=json or format=zip.");
    }
    const document = await exportOwnAccount(session.user.id);
    const body = format === "zip" ? exportArchive(document) : exportJson(document);
    return new Response(body, {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": `attachment; filename="${exportFileName(format, document.exportedAt)}"`,
        // Personal data: no browser or proxy may keep a copy.
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const known =
      error instanceof AppError
        ? error
        : new AppError("unavailable", "Something went wrong on our side. Please try again.");
    if (!(error instanceof AppError)) console.error("/api/account/export:", error);
    const headers: Record<string, string> = { "Cache-Control": "no-store" };
    if (known.options.retryAfterSeconds) headers["Retry-After"] = String(known.options.retryAfterSeconds);
    return Response.json(
      { ok: false, error: { code: known.code, message: known.message, fields: {} } },
      { status: known.status, headers },
    );
  }
}
