import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "./migrate";

const schema = `migrate_test_${process.pid}`;
const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });

function urlWithSchema(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.toString();
}

async function writeMigration(dir: string, name: string, sql: string) {
  await mkdir(path.join(dir, name), { recursive: true });
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

afterAll(async () => {
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
});

describe("migrate", () => {
  it("applies each file once, in order, and refuses an edited one", async () => {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const dir = await mkdtemp(path.join(os.tmpdir(), "bb-mig-"));
    await writeMigration(dir, "20260101000000_one", "create table t (id int);");
    await writeMigration(dir, "20260102000000_two", "insert into t values (1);");
    expect((await migrate(urlWithSchema(), { dir })).applied).toEqual(["20260101000000_one", "20260102000000_two"]);
    expect((await migrate(urlWithSchema(), { dir })).applied).toEqual([]);
    const rows = await admin.query(`select count(*)::int as n from ${schema}.t`);
    expect(rows.rows[0].n).toBe(1);

    await writeMigration(dir, "20260102000000_two", "insert into t values (2);");
    await expect(migrate(urlWithSchema(), { dir })).rejects.toThrow(/20260102000000_two was edited after it was applied/);
  });

  it("rolls back a failing file and records nothing for it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "bb-mig-"));
    await writeMigration(dir, "20260101000000_one", "create table t (id int);");
    await writeMigration(dir, "20260102000000_two", "insert into t values (1);");
    await writeMigration(dir, "20260103000000_bad", "create table half (id int); select * from nope;");
    await expect(migrate(urlWithSchema(), { dir })).rejects.toThrow(/20260103000000_bad failed: .*nope/);
    const half = await admin.query(`select to_regclass('${schema}.half') as t`);
    expect(half.rows[0].t).toBeNull();
    const recorded = await admin.query(`select name from ${schema}._bloombridge_migrations order by name`);
    expect(recorded.rows.map((r) => r.name)).not.toContain("20260103000000_bad");
  });

  it("reads the project's migrations in Prisma's folder layout", async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(files[0].name).toMatch(/^\d{14}_init$/);
  });
});
