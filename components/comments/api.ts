// Sends a comment action to its form route and reads the answer, whatever happens.
import { getClientSession } from "@/lib/session-client";

export interface ApiError {
  code: string;
  message: string;
  fields: Record<string, string>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

export const UNREACHABLE = "We couldn’t reach Mend. Check your connection and try again.";

export async function send<T>(url: string, data: Record<string, unknown>): Promise<ApiResult<T>> {
  // Reading the session re-issues its cookie: let a read in flight land first.
  await getClientSession();
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(data),
    });
  } catch {
    return { ok: false, status: 0, error: { code: "offline", message: UNREACHABLE, fields: {} } };
  }
  const body = (await response.json().catch(() => null)) as
    ({ ok: true } & T) | { ok: false; error?: Partial<ApiError> } | null;
  if (response.ok && body?.ok) return { ok: true, data: body as T };
  const error = body && !body.ok ? body.error : undefined;
  return {
    ok: false,
    status: response.status,
    error: {
      code: error?.code ?? "unavailable",
      message: error?.message ?? "Something went wrong on our side. Please try again.",
      fields: error?.fields ?? {},
    },
  };
}
