// npm run user:role -- <email> <reader|moderator|admin>: sets a person's role,
// e.g. to make the first admin. Works on DATABASE_URL or the embedded database.
import { createPrismaClient } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import { ROLES, setRoleByEmail } from "@/lib/roles/service";
import { loadDotEnv, openDatabase } from "./support/database";

const [email, wanted] = process.argv.slice(2);
const role = ROLES.find((r) => r === wanted?.toUpperCase());
if (!email || !role) {
  console.error("Usage: npm run user:role -- <email> <reader|moderator|admin>");
  process.exit(2);
}

loadDotEnv();
const database = await openDatabase();
const db = createPrismaClient(database.url);
try {
  const name = await setRoleByEmail(db, email, role);
  console.log(`${name ?? email} is now ${role.toLowerCase()}.`);
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
