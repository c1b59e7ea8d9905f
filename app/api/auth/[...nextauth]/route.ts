// Auth.js's own endpoints (session, CSRF token, OAuth, email-link callbacks, sign-out).
// Password and email-link sign-in start at /api/account/*, where rate limits
// apply, so Auth.js's direct entry points for those two are closed here.
import { handlers } from "@/auth";

const CLOSED = ["/api/auth/callback/credentials", "/api/auth/signin/credentials", "/api/auth/signin/nodemailer"];

export const GET = handlers.GET;

export async function POST(request: Parameters<typeof handlers.POST>[0]) {
  if (CLOSED.includes(new URL(request.url).pathname)) {
    return Response.json({ error: "Use the sign-in form." }, { status: 404 });
  }
  return handlers.POST(request);
}
