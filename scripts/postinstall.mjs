// Generates the Prisma client after install. Prisma 7 looks for its schema engine even for
// `generate`, which does not need it; pointing the variable at any path skips the download.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/dev/null" },
});
process.exit(result.status ?? 1);
