import "server-only";
import { db } from "@/lib/db";

export interface Health {
  status: "ok" | "unavailable";
  app: "ok";
  database: "ok" | "unreachable";
  reason?: string;
}

const TIMEOUT_MS = 2_000;

/** Asks the database for a trivial answer, within a short time. */
export async function checkHealth(): Promise<Health> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("no answer within 2 s")), TIMEOUT_MS)),
    ]);
    return { status: "ok", app: "ok", database: "ok" };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n").at(-1)?.trim() : undefined;
    console.error(`health: database unreachable: ${reason}`);
    return { status: "unavailable", app: "ok", database: "unreachable", reason: "The database is not answering." };
  }
}
