/**
 * Test helper: settings are instance-wide, so test files that change them take this lock
 * (held on its own connection for the whole file) and do not see each other's values.
 */
import { Client } from "pg";
import { databaseUrl } from "./client";

const SETTINGS_LOCK = 720_301;

export async function lockSettingsForFile(): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1)", [SETTINGS_LOCK]);
  return async () => {
    await client.query("SELECT pg_advisory_unlock($1)", [SETTINGS_LOCK]);
    await client.end();
  };
}
