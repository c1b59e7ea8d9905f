// Builds the POST handlers behind Mend's forms. Every mutation goes the same
// way: same-origin check (CSRF), size cap, parse with zod, who is calling and
// may they, do it. Answers JSON to the form script (with real statuses: 400,
// 401, 403, 422, 429…) and, without JavaScript, redirects back to the form.
import "server-only";
import type { Session } from "next-auth";
import { z } from "zod";
import { auth } from "@/auth";
import { hasRole } from "@/lib/auth/session";
import { depthAtMost, MAX_FORM_BYTES, MAX_JSON_DEPTH, readLimitedText } from "@/lib/http/body";
import { AppError } from "@/lib/errors";
import { safeRedirect } from "@/lib/http/redirect";
import type { Role } from "@/lib/generated/prisma/enums";

export { MAX_FORM_BYTES, safeRedirect };

export interface RouteContext<Input> {
  input: Input;
  request: Request;
  ip: string;
  session: Session | null;
}

export interface RouteResult {
  /** Where the browser goes next. */
  redirectTo?: string;
  /** A short confirmation shown beside the form. */
  message?: string;
  /** Data for the script that called, in JSON answers. */
  [key: string]: unknown;
}

type Access = "anyone" | "signed-in" | Role;

/** The client's address as the proxy in front of the app reports it. */
export function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "local";
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") === "same-origin";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function readBody(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const text = await readLimitedText(request, maxBytes);
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text || "{}");
    } catch {
      throw new AppError("bad_request", "The request could not be read: it is not valid JSON.");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
      throw new AppError("bad_request", "The request could not be read: a form sends a JSON object.");
    if (!depthAtMost(parsed, MAX_JSON_DEPTH))
      throw new AppError("bad_request", "The request could not be read: it is nested too deeply.");
    return parsed as Record<string, unknown>;
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  throw new AppError(
    "bad_request",
    "The request could not be read: send it as application/json or application/x-www-form-urlencoded.",
  );
}

/**
 * PostgreSQL text cannot hold U+0000, and no one means to type it: it is taken out
 * of every string before anything else sees the input (a query would fail on it).
 */
function withoutNul(value: unknown): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutNul(k) as string, withoutNul(v)]));
  }
  return value;
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return fields;
}

const wantsJson = (request: Request) => (request.headers.get("accept") ?? "").includes("application/json");

export function formRoute<S extends z.ZodType>(options: {
  schema: S;
  access?: Access;
  /** The largest body accepted (32 KiB unless said). */
  maxBytes?: number;
  handler: (context: RouteContext<z.output<S>>) => Promise<RouteResult>;
}) {
  return async function POST(request: Request): Promise<Response> {
    const json = wantsJson(request);
    const referer = new URL(request.headers.get("referer") ?? "/", "http://x");
    let back = safeRedirect(referer.pathname, "/");
    let raw: Record<string, unknown> = {};
    try {
      if (!sameOrigin(request)) throw new AppError("forbidden", "This form must be sent from this site.");
      raw = withoutNul(await readBody(request, options.maxBytes ?? MAX_FORM_BYTES)) as Record<string, unknown>;
      back = backTo(referer, back, Object.keys(raw));
      const session = options.access && options.access !== "anyone" ? await auth() : null;
      if (options.access && options.access !== "anyone") {
        if (!session?.user) throw new AppError("unauthorized", "Please sign in first.");
        if (options.access !== "signed-in" && !hasRole(session.user.role, options.access)) {
          throw new AppError("forbidden", "You don’t have access to this.");
        }
      }
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error);
        throw new AppError("invalid_input", Object.values(fields)[0] ?? "Please check the form.", { fields });
      }
      const result = await options.handler({ input: parsed.data, request, ip: clientIp(request), session });
      if (json) return Response.json({ ok: true, ...result });
      return redirect(
        typeof result.redirectTo === "string"
          ? result.redirectTo
          : withParams(back, { message: typeof result.message === "string" ? result.message : undefined }),
      );
    } catch (error) {
      const known =
        error instanceof AppError
          ? error
          : new AppError("unavailable", "Something went wrong on our side. Nothing was changed; please try again.");
      if (!(error instanceof AppError)) console.error(`${new URL(request.url).pathname}:`, error);
      const headers: Record<string, string> = {};
      if (known.options.retryAfterSeconds) headers["Retry-After"] = String(known.options.retryAfterSeconds);
      else if (known.status === 503) headers["Retry-After"] = "5";
      if (json) {
        return Response.json(
          {
            ok: false,
            error: {
              code: known.code,
              message: known.message,
              fields: known.options.fields ?? {},
              ...(known.options.details ? { details: known.options.details } : {}),
            },
          },
          { status: known.status, headers },
        );
      }
      // Without JavaScript: back to the form, with the message and what was typed (never passwords).
      const keep = Object.fromEntries(
        Object.entries(raw).filter(
          ([k, v]) => typeof v === "string" && !/password|current|token/i.test(k) && v.length < 500,
        ),
      ) as Record<string, string>;
      return redirect(withParams(back, { ...keep, error: known.message }), headers);
    }
  };
}

/**
 * The page the form was on, with its own query (a tab, a page) but without what an
 * earlier answer added: the message, the error and the fields this form sends.
 */
function backTo(referer: URL, path: string, sent: string[]): string {
  const params = new URLSearchParams(referer.search);
  for (const key of ["message", "error", ...sent]) params.delete(key);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

function withParams(path: string, params: Record<string, string | undefined>): string {
  const url = new URL(path, "http://x");
  for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
  return url.pathname + url.search;
}

function redirect(location: string, headers: Record<string, string> = {}) {
  return new Response(null, { status: 303, headers: { Location: location, ...headers } });
}
