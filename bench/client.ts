// How the benchmarks post to the site's form routes: as its own forms do, from
// a given client address behind the proxy (so per-address limits count each alone),
// signed in when given a session cookie.
export function postForm(
  site: string,
  path: string,
  form: Record<string, string>,
  clientIp: string,
  cookie?: string,
): Promise<Response> {
  return fetch(site + path, {
    method: "POST",
    headers: {
      Accept: "application/json",
      Origin: site,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": clientIp,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(form),
  });
}

/** Signs up through the site's form and returns the session cookie it set. */
export async function signUp(
  site: string,
  account: { name: string; email: string; password: string },
  clientIp: string,
): Promise<string> {
  const response = await postForm(site, "/api/account/sign-up", account, clientIp);
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
  if (response.status !== 200 || !cookie.includes("session-token")) {
    throw new Error(`sign-up for the bench answered ${response.status} without a session`);
  }
  return cookie;
}
