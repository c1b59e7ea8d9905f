// npm run db:seed: writes what the site needs (idempotent).
import { createPrismaClient } from "@/lib/database/client";
import { seed } from "@/lib/database/seed";
import { loadDotEnv, openDatabase } from "./support/database";

loadDotEnv();
const database = await openDatabase();
const db = createPrismaClient(database.url);
try {
  const { created, updated } = await seed(db);
  console.log(`Seeded: ${created} created, ${updated} updated.`);
} finally {
  await db.$disconnect();
  await database.stop();
}
