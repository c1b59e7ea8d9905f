// The one PrismaClient of the app process, reused across hot reloads in development.
// Created on first use, so that building the site needs no database settings.
import "server-only";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { getEnv } from "@/lib/env";

const globalForDb = globalThis as unknown as { mendDb?: Database };

function client(): Database {
  globalForDb.mendDb ??= createPrismaClient(getEnv().DATABASE_URL);
  return globalForDb.mendDb;
}

export const db: Database = new Proxy({} as Database, {
  get(_, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
