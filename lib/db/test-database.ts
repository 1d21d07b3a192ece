/**
 * Test helper: a fresh, migrated database on the same PostgreSQL server, for tests whose
 * workers and sweeps must not meet other test files' runs (crash recovery, fault storms).
 */
import pg from "pg";
import { databaseUrl } from "./client";
import { migrate } from "./migrate";

export async function createIsolatedDatabase(prefix: string): Promise<string> {
  const base = new URL(databaseUrl());
  const name = `${prefix}_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  base.pathname = `/${name}`;
  await migrate(base.toString());
  return base.toString();
}
