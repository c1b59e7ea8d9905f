// Configuration for the Prisma CLI. DATABASE_URL may be unset (the embedded
// database is chosen at run time), so it is read without throwing.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
