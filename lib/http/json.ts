// The JSON answer of a GET route that failed: the AppError's status and message,
// or a 503 that gives nothing away (the details go to the log).
import { AppError } from "@/lib/errors";

export function jsonError(error: unknown, request: Request): Response {
  const known =
    error instanceof AppError
      ? error
      : new AppError("unavailable", "Something went wrong on our side. Please try again.");
  if (!(error instanceof AppError)) console.error(`${new URL(request.url).pathname}:`, error);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (known.status === 503) headers["Retry-After"] = String(known.options.retryAfterSeconds ?? 5);
  return Response.json({ error: known.message, code: known.code }, { status: known.status, headers });
}
