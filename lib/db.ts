// The one PrismaClient of the app process, reused across hot reloads in development.
import "server-only";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { getEnv } from "@/lib/env";

const globalForDb = globalThis as unknown as { mendDb?: Database };

export const db: Database = globalForDb.mendDb ?? createPrismaClient(getEnv().DATABASE_URL);

if (process.env.NODE_ENV !== "production") globalForDb.mendDb = db;
