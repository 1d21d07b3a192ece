/**
 * `npm start`: everything on one machine — embedded PostgreSQL (unless DATABASE_URL is set),
 * migrations, first-start bootstrap, the sandboxes, the web server (built first when the
 * build is missing or stale) and a worker, each supervised and stopped together.
 *
 *   --role=web | worker | sandboxes   run one role (scale out by running more of them)
 *   --dev                             `next dev` instead of the production server
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv, type Env } from "../lib/env";
import { EmbeddedDatabaseError, startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { buildIsFresh, sourceHash, writeBuildStamp } from "../lib/runtime/build-stamp";
import { persistentSecret } from "../lib/runtime/persistent-secret";
import { Supervisor, waitForHttp, type ChildSpec } from "../lib/runtime/supervisor";
import { buildWorkerBundle } from "../lib/runtime/worker-bundle";
import { describeTrust, planIntegrations } from "../lib/runtime/integration-env";

type Role = "all" | "web" | "worker" | "sandboxes";

const args = process.argv.slice(2);
const role = (args.find((a) => a.startsWith("--role="))?.split("=")[1] ?? "all") as Role;
const dev = args.includes("--dev");
const print = (line: string) => console.log(`[bloombridge] ${line}`);

function fail(message: string): never {
  console.error(`[bloombridge] ${message}`);
  process.exit(1);
}

function tsxChild(name: string, file: string, env: Record<string, string | undefined>, ready?: () => Promise<void>): ChildSpec {
  return { name, command: process.execPath, args: ["--import", "./scripts/exit-with-parent.mjs", "--import", "tsx", file], env, ready };
}

/**
 * Where the app reaches each system: real URLs when configured, else the local sandboxes.
 * The sandboxes' dev keys are trusted only for their own traffic (see planIntegrations).
 */
function integrationEnv(config: Env, useSandboxes: boolean): Record<string, string | undefined> {
  const plan = planIntegrations(config, useSandboxes);
  print(describeTrust(plan.trust));
  return plan.env;
}

function buildIfStale(extraEnv: Record<string, string | undefined>) {
  if (buildIsFresh()) return;
  const hash = sourceHash();
  print(existsSync(".next/BUILD_ID") ? "sources changed since the last build; rebuilding (next build)…" : "building the web app (next build, first start only)…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, ...extraEnv, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) fail("next build failed; see the output above");
  writeBuildStamp(hash);
}

async function main() {
  let config: Env;
  try {
    config = parseEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const dataDir = path.resolve(config.BLOOMBRIDGE_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const supervisor = new Supervisor(print);
  let database: EmbeddedDatabase | undefined;

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    print(`${signal}: stopping…`);
    await supervisor.stopAll();
    await database?.stop().catch((e) => print(`database stop failed: ${e}`));
    print("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const useSandboxes = config.BLOOMBRIDGE_SANDBOXES && (role === "all" || role === "sandboxes");
  const integration = integrationEnv(config, config.BLOOMBRIDGE_SANDBOXES);
  const port = config.PORT;
  const publicUrl = config.BLOOMBRIDGE_PUBLIC_URL ?? `http://localhost:${port}`;

  if (useSandboxes) {
    const sandboxState = path.join(dataDir, "sandbox");
    await supervisor.start(
      tsxChild("ghl-sandbox", "sandbox/ghl/main.ts", {
        GHL_SANDBOX_PORT: String(config.GHL_SANDBOX_PORT),
        GHL_SANDBOX_STATE: path.join(sandboxState, "ghl.json"),
        GHL_SANDBOX_WEBHOOK_URL: process.env.GHL_SANDBOX_WEBHOOK_URL ?? `http://127.0.0.1:${port}/api/hooks/ghl`,
      }, () => waitForHttp(`${integration.GHL_SANDBOX_URL}/admin`, 60_000)),
    );
    await supervisor.start(
      tsxChild("df-sandbox", "sandbox/details-flowers/main.ts", {
        DF_SANDBOX_PORT: String(config.DF_SANDBOX_PORT),
        DF_SANDBOX_STATE: path.join(sandboxState, "details-flowers.json"),
        DF_SANDBOX_WEBHOOK_URL: process.env.DF_SANDBOX_WEBHOOK_URL ?? `http://127.0.0.1:${port}/api/hooks/details-flowers`,
      }, () => waitForHttp(`${integration.DF_SANDBOX_URL}/admin`, 60_000)),
    );
    print(`sandboxes: HighLevel ${integration.GHL_SANDBOX_URL}/admin · Details Flowers ${integration.DF_SANDBOX_URL}/admin`);
  }
  if (role === "sandboxes") return;

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    if (role !== "all") fail(`--role=${role} needs DATABASE_URL: scaled-out processes share one PostgreSQL`);
    try {
      database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), log: () => undefined, notice: print });
    } catch (error) {
      if (error instanceof EmbeddedDatabaseError) fail(error.message);
      throw error;
    }
    databaseUrl = database.url;
    print(`embedded PostgreSQL on ${new URL(databaseUrl).port} (data in ${path.relative(process.cwd(), dataDir)}/postgres)`);
  }
  const { applied } = await migrate(databaseUrl, { log: print });
  if (!applied.length) print("database schema is up to date");

  const shared = {
    ...integration,
    DATABASE_URL: databaseUrl,
    BLOOMBRIDGE_DATA_DIR: dataDir,
    NEXTAUTH_URL: publicUrl,
    NEXTAUTH_SECRET: persistentSecret(dataDir, "auth-secret", config.NEXTAUTH_SECRET),
    BLOOMBRIDGE_PUBLIC_URL: publicUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  // Bootstrap runs in a child too so this supervisor never loads Prisma's generated client.
  const boot = spawnSync(process.execPath, ["--import", "tsx", "scripts/bootstrap.ts"], { stdio: "inherit", env: { ...process.env, ...shared } });
  if (boot.status !== 0) fail("first-start bootstrap failed; see the output above");

  if (role === "all" || role === "web") {
    if (!dev) buildIfStale(shared);
    const nextArgs = ["--import", "./scripts/exit-with-parent.mjs", "node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", String(port), "-H", process.env.HOSTNAME ?? "0.0.0.0"];
    await supervisor.start({
      name: "web",
      command: process.execPath,
      args: nextArgs,
      env: { ...shared, BLOOMBRIDGE_ROLE: "web", NODE_ENV: dev ? "development" : "production" },
      ready: () => waitForHttp(`http://127.0.0.1:${port}/api/health`, dev ? 180_000 : 60_000),
    });
    print(`web: ${publicUrl} (sign in there)`);
  }
  if (role === "all" || role === "worker") {
    const env = { ...shared, BLOOMBRIDGE_ROLE: "worker", NODE_ENV: dev ? "development" : "production" };
    // Production runs the compiled bundle; --dev keeps tsx so edits need no rebuild.
    const worker = dev
      ? tsxChild("worker", "scripts/worker.ts", env)
      : { name: "worker", command: process.execPath, args: ["--import", "./scripts/exit-with-parent.mjs", path.relative(process.cwd(), await buildWorkerBundle())], env };
    await supervisor.start(worker);
    print("worker started");
  }
  print("ready. Stop with Ctrl+C.");
}

main().catch((error) => fail(error instanceof Error ? error.stack ?? error.message : String(error)));
