// Auth.js's own endpoints (session, CSRF token, OAuth, email-link callbacks, sign-out).
// Password and email-link sign-in start at /api/account/*, where rate limits
// apply, so Auth.js's direct entry points for those two are closed here.
import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { AppError } from "@/lib/errors";
import { MAX_FORM_BYTES, readLimitedBody } from "@/lib/http/body";

const CLOSED = ["/api/auth/callback/credentials", "/api/auth/signin/credentials", "/api/auth/signin/nodemailer"];

export const GET = handlers.GET;

export async function POST(request: NextRequest) {
  if (CLOSED.includes(new URL(request.url).pathname)) {
    return Response.json({ error: "Use the sign-in form." }, { status: 404 });
  }
  // What Auth.js is sent is a small form (a CSRF token, a callback address): capped like the site's own forms.
  let body: Uint8Array;
  try {
    body = await readLimitedBody(request, MAX_FORM_BYTES);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return Response.json({ error: error.message }, { status: error.status });
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers, body: body as BodyInit }));
}
