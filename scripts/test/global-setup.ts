/**
 * Vitest global setup: a real PostgreSQL for integration tests. Uses TEST_DATABASE_URL when
 * set; otherwise a throwaway embedded PostgreSQL. Migrations are applied once per run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

export default async function setup() {
  let stop: () => Promise<void> = async () => undefined;
  let url = process.env.TEST_DATABASE_URL;
  let dir: string | undefined;
  if (!url) {
    dir = await mkdtemp(path.join(os.tmpdir(), "bloombridge-test-"));
    const db = await startEmbeddedPostgres({ dataDir: path.join(dir, "db"), database: "bloombridge_test", persistent: false });
    url = db.url;
    stop = db.stop;
  }
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.BLOOMBRIDGE_DATA_DIR ??= dir ?? (await mkdtemp(path.join(os.tmpdir(), "bloombridge-data-")));
  return async () => {
    await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
