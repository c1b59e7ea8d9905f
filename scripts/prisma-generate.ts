// Generates the Prisma client offline, and only when the schema changed.
// The CLI looks for a schema-engine binary it never uses for `generate`;
// pointing it at any executable keeps it from trying to download one.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { run } from "./support/run";

const schema = readFileSync("prisma/schema.prisma");
const version = JSON.parse(readFileSync("node_modules/prisma/package.json", "utf8")).version as string;
const hash = createHash("sha256").update(schema).update(version).digest("hex");
const stamp = "lib/generated/prisma/.schema-hash";

if (existsSync("lib/generated/prisma/client.ts") && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
  process.exit(0);
}

await run("npx", ["prisma", "generate"], {
  env: {
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
writeFileSync(stamp, hash);
