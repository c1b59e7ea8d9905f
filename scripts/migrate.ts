// npm run db:migrate: applies pending SQL migrations to DATABASE_URL or the embedded database.
import { migrate, MigrationError } from "@/lib/database/migrate";
import { loadDotEnv, openDatabase } from "./support/database";

loadDotEnv();
const database = await openDatabase();
try {
  const result = await migrate(database.url, { log: (line) => console.log(line) });
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s); ${result.alreadyApplied.length} were already applied.`
      : `The database is up to date (${result.alreadyApplied.length} migrations applied).`,
  );
} catch (error) {
  console.error(error instanceof MigrationError ? `db:migrate refused: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
