// The session as the browser sees it, fetched once per page load and shared by
// every island that needs it, so static pages never carry it in their HTML.

export interface ClientSession {
  user?: { id: string; name: string | null; role: string; emailVerified: boolean };
}

/**
 * What the server said about this browser's session. `known: false` when it could not be asked
 * (offline, or the server answered with an error): not the same as signed out.
 */
export type SessionAnswer = { known: true; session: ClientSession | null } | { known: false };

const UNKNOWN: SessionAnswer = { known: false };
let pending: Promise<SessionAnswer> | undefined;

export function askSession(): Promise<SessionAnswer> {
  if (!pending) {
    const asking: Promise<SessionAnswer> = fetch("/api/auth/session", { cache: "no-store" })
      .then(async (r) => (r.ok ? { known: true as const, session: (await r.json()) as ClientSession | null } : UNKNOWN))
      .catch(() => UNKNOWN);
    pending = asking;
    // A failed answer is not kept: the next caller asks again.
    void asking.then((answer) => {
      if (!answer.known && pending === asking) pending = undefined;
    });
  }
  return pending;
}

/** The session, or null when signed out or when it could not be asked. */
export async function getClientSession(): Promise<ClientSession | null> {
  const answer = await askSession();
  return answer.known ? answer.session : null;
}
