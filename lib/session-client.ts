// The session as the browser sees it, fetched once per page load and shared by
// every island that needs it, so static pages never carry it in their HTML.

export interface ClientSession {
  user?: { id: string; name: string | null; role: string; emailVerified: boolean };
}

let pending: Promise<ClientSession | null> | undefined;

export function getClientSession(): Promise<ClientSession | null> {
  pending ??= fetch("/api/auth/session", { cache: "no-store" })
    .then((r) => (r.ok ? (r.json() as Promise<ClientSession | null>) : null))
    .catch(() => null);
  return pending;
}
