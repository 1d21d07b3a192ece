/**
 * bench:e2e — the product as a user runs it (`npm start`, its own data dir and ports), one
 * workflow "signed GHL ContactCreate webhook → Send to webhook (POST the payload)" published
 * through /api/v1, a loopback mock API as the target. Prints:
 *   - the mock alone: requests/s at concurrency 20 (the loopback ceiling of this machine);
 *   - end to end: runs/s with N webhooks sent at concurrency 20 (each run's API call counted at
 *     the mock, every run and step row checked in the database);
 *   - latency webhook sent → API call received, p50/p95/p99 at a paced rate;
 *   - CPU per run of each process (web, worker, PostgreSQL), worker CPU per step, RSS after;
 *   - the load average beside every figure. Measure on an otherwise idle machine.
 * Usage: npm run bench:e2e -- [runs=2000] [concurrency=20] [paced rate=20] [paced seconds=30]
 * PostgreSQL is embedded, started by this script and handed to `npm start` as DATABASE_URL, so
 * its CPU can be read here. Env: BENCH_PORT (3950), BENCH_GHL_PORT (4951), BENCH_DF_PORT (4952),
 * BENCH_VERBOSE=1 (the product's output), any product variable (e.g. WORKER_CONCURRENCY).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { contactToWebhookGraph } from "../../lib/engine/run/runs.test-helper";
import { signBody } from "../../sandbox/ghl/webhooks";
import { fmt, percentile, postmasterPid, ROOT, startBenchDatabase, startChild } from "./common";

const runs = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 20);
const pacedRate = Number(process.argv[4] ?? 20);
const pacedSeconds = Number(process.argv[5] ?? 30);
const port = Number(process.env.BENCH_PORT ?? 3950);
const apiKey = `bb_bench_${randomUUID().replaceAll("-", "")}`;
const load = () => `load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
const now = () => performance.timeOrigin + performance.now();
const log = (line: string) => console.log(line);

const dataDir = await mkdtemp(path.join(os.tmpdir(), "bloombridge-bench-e2e-"));
await chmod(dataDir, 0o755);
const benchDatabase = await startBenchDatabase();
const mock = await startChild("scripts/bench/mock-api.ts", {});
const mockPort = Number(mock.line.split(" ")[1]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(targetPort: number, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: targetPort, path: url, method, agent, headers: { ...(text ? { "content-type": "application/json", "content-length": Buffer.byteLength(text) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on("socket", (socket) => socket.setNoDelay(true));
    req.on("error", reject);
    req.end(text);
  });
}

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await request(port, method, `/api/v1${url}`, body, { authorization: `Bearer ${apiKey}` });
  if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** Starts `npm start` in its own process group; resolves with its PID once ready. */
async function startProduct(): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      GHL_SANDBOX_PORT: process.env.BENCH_GHL_PORT ?? "4951",
      DF_SANDBOX_PORT: process.env.BENCH_DF_PORT ?? "4952",
      BLOOMBRIDGE_DATA_DIR: dataDir,
      DATABASE_URL: benchDatabase.url,
      BLOOMBRIDGE_BOOTSTRAP_API_KEY: apiKey,
      BLOOMBRIDGE_ADMIN_PASSWORD: "bench-password-not-secret",
      BLOOMBRIDGE_WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
      if (output.includes("ready. Stop with Ctrl+C.")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output.slice(-4000)}`)));
  });
  await ready;
  return {
    pid: child.pid!,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    },
  };
}

type Proc = { pid: number; ppid: number; cmd: string; cpuTicks: number; reapedTicks: number; rssKb: number };

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const fields = readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1].split(" ");
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ");
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${name}/status`, "utf8"))?.[1];
      out.push({ pid: Number(name), ppid: Number(fields[1]), cmd, cpuTicks: Number(fields[11]) + Number(fields[12]), reapedTicks: Number(fields[13]) + Number(fields[14]), rssKb: Number(rss ?? 0) });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** CPU seconds and RSS (MB) of each role: web and worker under `rootPid` (whole subtrees), and PostgreSQL. */
function roles(rootPid: number, postgresPid = postmasterPid(benchDatabase.dataDir)): Record<"web" | "worker" | "postgres", { cpuS: number; rssMb: number; pids: number[] }> {
  const all = processes();
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const subtree = (p: Proc): Proc[] => [p, ...(children.get(p.pid) ?? []).flatMap(subtree)];
  const result = { web: { cpuS: 0, rssMb: 0, pids: [] as number[] }, worker: { cpuS: 0, rssMb: 0, pids: [] as number[] }, postgres: { cpuS: 0, rssMb: 0, pids: [] as number[] } };
  const visit = (p: Proc) => {
    const role = p.pid === postgresPid ? "postgres" : /next-server|\bnext\b.*\bstart\b/.test(p.cmd) ? "web" : /worker/.test(p.cmd) ? "worker" : undefined;
    if (!role) return (children.get(p.pid) ?? []).forEach(visit);
    for (const q of subtree(p)) {
      result[role].cpuS += (q.cpuTicks + (q === p ? q.reapedTicks : 0)) / 100;
      // PostgreSQL's backends share memory with the postmaster: its RSS alone is the honest figure.
      if (role !== "postgres" || q === p) result[role].rssMb += q.rssKb / 1024;
      result[role].pids.push(q.pid);
    }
  };
  for (const pid of [rootPid, postgresPid]) {
    const root = all.find((p) => p.pid === pid);
    if (root) visit(root);
  }
  return result;
}

function delivery(id: string) {
  const body = JSON.stringify({ type: "ContactCreate", locationId: "bench-location", webhookId: randomUUID(), timestamp: new Date().toISOString(), id, firstName: "Bench", lastName: id, email: `${id}@example.com` });
  return { body, signature: signBody(body) };
}

async function postWebhook(d: { body: string; signature: string }): Promise<number> {
  const res = await request(port, "POST", "/api/hooks/ghl", d.body, { "x-ghl-signature": d.signature });
  return res.status;
}

async function mockStats(): Promise<{ requests: number; arrivals: [string, number][] }> {
  return JSON.parse((await request(mockPort, "GET", "/stats")).body) as { requests: number; arrivals: [string, number][] };
}

const countBy = (values: number[]) => values.reduce<Record<number, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

/** `count` jobs, `width` at a time; each starts as soon as one finishes. */
async function closedLoop(count: number, width: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await job(next++);
  }));
}

async function waitForArrivals(ids: Set<string>, timeoutMs: number): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  const deadline = Date.now() + timeoutMs;
  while (seen.size < ids.size && Date.now() < deadline) {
    for (const [id, at] of (await mockStats()).arrivals) if (ids.has(id) && !seen.has(id)) seen.set(id, at);
    if (seen.size < ids.size) await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

const product = await startProduct();
const database = new pg.Client({ connectionString: benchDatabase.url });
try {
  await database.connect();
  log(`bench:e2e — ${new Date().toISOString()} · ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}) · ${(os.totalmem() / 2 ** 30).toFixed(1)} GB · node ${process.version} · WORKER_CONCURRENCY=${process.env.WORKER_CONCURRENCY ?? "(default)"}`);

  const workflow = await api<{ id: string }>("POST", "/workflows", {
    name: "bench: contact created → send to webhook",
    graph: contactToWebhookGraph(`http://127.0.0.1:${mockPort}/hook`),
  });
  await api("POST", `/workflows/${workflow.id}/publish`, { note: "bench" });

  // Warm-up: JIT, pools, keep-alive sockets; not measured.
  const warmStatuses = new Map<string, number>();
  await closedLoop(200, concurrency, async (i) => void warmStatuses.set(`warm-${i}`, await postWebhook(delivery(`warm-${i}`))));
  const warm = new Set([...warmStatuses].filter(([, status]) => status < 300).map(([id]) => id));
  const warmed = await waitForArrivals(warm, 120_000);
  const answers = JSON.stringify(countBy([...warmStatuses.values()]));
  if (warmed.size < warm.size) {
    const runs = (await database.query("SELECT status::text, count(*)::int AS n, min(error::text) AS error FROM runs GROUP BY status")).rows;
    throw new Error(`warm-up: only ${warmed.size} of ${warm.size} accepted webhooks' runs reached the mock within 120 s; webhook answers ${answers}; runs ${JSON.stringify(runs)}`);
  }
  log(`warm-up: 200 webhooks, answers by status ${answers}`);

  // Throughput: N webhooks at concurrency C, until every run's call reached the mock.
  {
    const ids = Array.from({ length: runs }, (_, i) => `tp-${i}`);
    const deliveries = ids.map(delivery);
    const before = roles(product.pid);
    const started = now();
    let refused = 0;
    await closedLoop(runs, concurrency, async (i) => {
      if ((await postWebhook(deliveries[i])) >= 300) refused++;
    });
    const acceptedAt = now();
    const arrived = await waitForArrivals(new Set(ids), 600_000);
    const endedAt = Math.max(...arrived.values());
    const after = roles(product.pid);
    const s = (endedAt - started) / 1000;
    const [{ succeeded, steps }] = (await database.query(`
      SELECT count(*) FILTER (WHERE r.status = 'succeeded')::int AS succeeded,
             (SELECT count(*)::int FROM step_runs s JOIN runs r2 ON r2.id = s.run_id JOIN trigger_events e2 ON e2.id = r2.event_id WHERE e2.subject_id LIKE 'tp-%') AS steps
      FROM runs r JOIN trigger_events e ON e.id = r.event_id WHERE e.subject_id LIKE 'tp-%'`)).rows as { succeeded: number; steps: number }[];
    const per = (role: "web" | "worker" | "postgres") => fmt(((after[role].cpuS - before[role].cpuS) * 1000) / runs, 2);
    log(`end to end: ${runs} webhooks at concurrency ${concurrency} · refused ${refused} · ingest ${fmt(runs / ((acceptedAt - started) / 1000), 0)}/s · API calls ${arrived.size}/${runs} · **${fmt(arrived.size / s, 1)} runs/s** · ${load()}`);
    log(`  history: ${succeeded} runs succeeded, ${steps} step rows`);
    log(`  CPU per run: web ${per("web")} ms · worker ${per("worker")} ms (${fmt(((after.worker.cpuS - before.worker.cpuS) * 1000) / Math.max(1, steps), 2)} ms per step) · PostgreSQL ${per("postgres")} ms`);
  }

  // Latency at a paced rate (open loop: sends leave on schedule whatever the server does).
  {
    const count = pacedRate * pacedSeconds;
    const ids = Array.from({ length: count }, (_, i) => `lat-${i}`);
    const deliveries = ids.map(delivery);
    const sentAt = new Map<string, number>();
    const pending: Promise<number>[] = [];
    const start = now();
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / pacedRate;
      const wait = due - now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      sentAt.set(ids[i], now());
      pending.push(postWebhook(deliveries[i]));
    }
    await Promise.all(pending);
    const arrived = await waitForArrivals(new Set(ids), 120_000);
    const latencies = [...arrived].map(([id, at]) => at - sentAt.get(id)!).sort((a, b) => a - b);
    log(`latency webhook → API call at ${pacedRate}/s for ${pacedSeconds} s: ${arrived.size}/${count} arrived · p50 ${fmt(percentile(latencies, 50))} ms · p95 ${fmt(percentile(latencies, 95))} ms · p99 ${fmt(percentile(latencies, 99))} ms · max ${fmt(latencies.at(-1) ?? NaN)} ms · ${load()}`);
  }

  // The mock alone, from this process at the same concurrency, the product idle: what loopback HTTP allows here.
  {
    const n = Math.max(2000, runs);
    const started = performance.now();
    await closedLoop(n, concurrency, async (i) => void (await request(mockPort, "POST", "/", { id: `direct-${i}` })));
    const s = (performance.now() - started) / 1000;
    await mockStats();
    log(`mock alone: ${n} POSTs at concurrency ${concurrency} · ${fmt(n / s, 0)} requests/s · ${load()}`);
  }

  const finalRoles = roles(product.pid);
  log(`RSS after the run: web ${fmt(finalRoles.web.rssMb, 0)} MB · worker ${fmt(finalRoles.worker.rssMb, 0)} MB · PostgreSQL (postmaster) ${fmt(finalRoles.postgres.rssMb, 0)} MB · ${load()}`);
} finally {
  await database.end().catch(() => undefined);
  await product.stop();
  mock.stop();
  agent.destroy();
  await benchDatabase.stop();
  await rm(dataDir, { recursive: true, force: true });
}
