// Password sign-in latency through the real route (argon2id verify, rate-limit
// bookkeeping in PostgreSQL, session cookie), and whether an unknown email is
// answered as slowly as a wrong password, so timing does not reveal accounts.
import { ARGON2_OPTIONS } from "@/lib/auth/password";
import { postForm } from "./client";
import { measure, summarize, type Latency } from "./latency";

const PASSWORD = "bench passphrase for signing in";
// Each request comes from its own address behind the proxy, so per-IP limits do not interfere.
const ip = (i: number) => `198.51.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;

async function post(site: string, path: string, form: Record<string, string>, i: number): Promise<number> {
  const response = await postForm(site, path, form, ip(i));
  await response.arrayBuffer();
  return response.status;
}

export interface SignInBench {
  argon2: typeof ARGON2_OPTIONS;
  success: Latency;
  wrongPassword: Latency;
  unknownEmail: Latency;
  unknownOverWrongRatio: number;
}

export async function benchSignIn(site: string, users = 40, concurrency = 4): Promise<SignInBench> {
  const run = Date.now().toString(36);
  const email = (i: number) => `bench-${run}-${i}@example.com`;
  for (let i = 0; i < users; i++) {
    const status = await post(
      site,
      "/api/account/sign-up",
      { name: `Bench ${i}`, email: email(i), password: PASSWORD },
      10_000 + i,
    );
    if (status !== 200) throw new Error(`sign-up for the bench answered ${status}`);
  }
  // Up to 4 attempts per account stay under the per-account limit of 5 in 15 minutes.
  const expect = (want: number) => (status: number) => {
    if (status !== want) throw new Error(`expected ${want}, got ${status}`);
  };
  const success = await measure(users * 2, concurrency, async (i) =>
    expect(200)(await post(site, "/api/account/sign-in", { email: email(i % users), password: PASSWORD }, 20_000 + i)),
  );
  const wrong = await measure(users * 2, concurrency, async (i) =>
    expect(401)(
      await post(site, "/api/account/sign-in", { email: email(i % users), password: "not it at all" }, 30_000 + i),
    ),
  );
  const unknown = await measure(users * 2, concurrency, async (i) =>
    expect(401)(
      await post(
        site,
        "/api/account/sign-in",
        { email: `nobody-${run}-${i}@example.com`, password: "not it at all" },
        40_000 + i,
      ),
    ),
  );
  const wrongPassword = summarize(wrong);
  const unknownEmail = summarize(unknown);
  return {
    argon2: ARGON2_OPTIONS,
    success: summarize(success),
    wrongPassword,
    unknownEmail,
    unknownOverWrongRatio: Math.round((unknownEmail.p50 / wrongPassword.p50) * 100) / 100,
  };
}
