// How the benchmarks post to the site's form routes: as its own forms do, from
// a given client address behind the proxy (so per-address limits count each alone).
export function postForm(
  site: string,
  path: string,
  form: Record<string, string>,
  clientIp: string,
): Promise<Response> {
  return fetch(site + path, {
    method: "POST",
    headers: {
      Accept: "application/json",
      Origin: site,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": clientIp,
    },
    body: new URLSearchParams(form),
  });
}
