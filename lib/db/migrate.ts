/**
 * The project's own migrate step (Prisma's engine cannot run here). Applies
 * `prisma/migrations/<stamp>_<name>/migration.sql` in order, each once, in a transaction,
 * recorded with a sha256 checksum; refuses to start when an applied file was edited.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export type MigrationFile = { name: string; sql: string; checksum: string };

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
// An arbitrary constant: one migrator at a time across all processes sharing the database.
const MIGRATION_LOCK_ID = 7_245_001;

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(e.name)).map((e) => e.name);
  names.sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export class MigrationChecksumError extends Error {}

export async function migrate(
  databaseUrl: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(`create table if not exists _bloombridge_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      "select name, checksum from _bloombridge_migrations",
    );
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new MigrationChecksumError(
            `migration ${migration.name} was edited after it was applied (checksum ${recorded.slice(0, 12)}… ≠ ${migration.checksum.slice(0, 12)}…). ` +
              "Restore the original file and put the change in a new migration.",
          );
        }
        continue;
      }
      await client.query("begin");
      try {
        await client.query(migration.sql);
        await client.query("insert into _bloombridge_migrations (name, checksum) values ($1, $2)", [
          migration.name,
          migration.checksum,
        ]);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
      options.log?.(`applied migration ${migration.name}`);
    }
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...done.keys()].filter((name) => !known.has(name));
    if (unknown.length) options.log?.(`database has migrations this code does not know: ${unknown.join(", ")}`);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
  return { applied };
}
