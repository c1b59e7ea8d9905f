// Runs once when a server starts: a missing or invalid variable stops it here,
// with a message naming the variable, rather than failing later on a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  getEnv();
}
