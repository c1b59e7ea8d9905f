// Builds a PrismaClient on node-postgres. Used by lib/db.ts in the app and
// directly by scripts and tests, which run outside Next's server runtime.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg(
    {
      connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Fail fast when the database is away, so pages can show an error
      // instead of hanging; the pool reconnects by itself when it returns.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    },
    { onPoolError: (error) => console.error(`database pool: ${error.message}`) },
  );
  return new PrismaClient({
    adapter,
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
    // Under load a transaction may wait for a connection from the pool: give it
    // time rather than fail a save after Prisma's default of two seconds.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

export type Database = ReturnType<typeof createPrismaClient>;
