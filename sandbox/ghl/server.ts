import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_CONFIG, type FaultSettings, type GhlSandboxConfig } from "./config";
import type { Ctx, Sandbox } from "./context";
import { Faults, type FaultInput } from "./faults";
import { genericError, HttpError, readBody, redirect, sendJson } from "./http";
import { RateLimiter } from "./rate-limit";
import { RequestLog } from "./request-log";
import { buildRouter } from "./routes";
import { SearchIndex } from "./search-index";
import { SandboxStore } from "./store";
import { WebhookEmitter } from "./webhooks";

export { ghlSandboxPublicKeyPem } from "./webhooks";
export { ghlSandboxConfigFromEnv } from "./config";

export type GhlSandboxOptions = Partial<Omit<GhlSandboxConfig, "faults">> & { faults?: Partial<FaultSettings> };

export interface GhlSandboxHandle {
  url: string;
  port: number;
  /** Live services and state (`sandbox.store.data`), for assertions in tests. */
  sandbox: Sandbox;
  setFaults(faults: FaultInput): void;
  clearFaults(): void;
  reset(): void;
  /** Writes pending state to disk now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the sandbox. Defaults come from DEFAULT_CONFIG, not the environment (see main.ts). */
export async function startGhlSandbox(options: GhlSandboxOptions = {}): Promise<GhlSandboxHandle> {
  const config: GhlSandboxConfig = {
    ...DEFAULT_CONFIG,
    ...options,
    faults: { ...DEFAULT_CONFIG.faults, ...options.faults },
  };
  const store = await SandboxStore.open(config.statePath, config.dataSeed);
  const faults = new Faults(config.faults, config.faultSeed);
  let baseUrl = "";
  const sb: Sandbox = {
    config,
    store,
    faults,
    rateLimiter: new RateLimiter(config),
    webhooks: new WebhookEmitter(config, store, faults),
    search: new SearchIndex(() => faults.settings.searchLagMs),
    requests: new RequestLog(),
    baseUrl: () => baseUrl,
  };
  sb.search.rebuild(Object.values(store.data.contacts));
  store.onReset(() => sb.search.rebuild(Object.values(store.data.contacts)));
  const router = buildRouter();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = Date.now();
    const url = new URL(req.url ?? "/", baseUrl || "http://localhost");
    const ctx: Ctx = { sb, req, res, url, params: {}, rawBody: Buffer.alloc(0), headers: {} };
    const isAdmin = url.pathname === "/admin" || url.pathname.startsWith("/admin/");
    const method = req.method ?? "GET";
    try {
      ctx.rawBody = await readBody(req);
      if (url.pathname === "/") return redirect(res, "/admin", 302);
      if (!isAdmin) {
        if (faults.settings.latencyMs > 0) await sleep(faults.settings.latencyMs);
        if (faults.shouldFail()) throw genericError(500);
      }
      const match = router.match(method, url.pathname);
      if (!match) throw genericError(404, `Cannot ${method} ${url.pathname}`);
      ctx.params = match.params;
      await match.handler(ctx);
    } catch (err) {
      if (err instanceof HttpError) sendJson(res, err.status, err.body, { ...ctx.headers, ...err.headers });
      else {
        console.error("[ghl-sandbox]", err);
        sendJson(res, 500, { statusCode: 500, message: "Internal Server Error" }, ctx.headers);
      }
    } finally {
      if (!isAdmin) {
        sb.requests.add({
          method,
          path: url.pathname + url.search,
          status: res.statusCode,
          time: new Date(started).toISOString(),
          durationMs: Date.now() - started,
          ...(ctx.locationId ? { locationId: ctx.locationId } : {}),
        });
      }
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${config.host}:${port}`;

  return {
    url: baseUrl,
    port,
    sandbox: sb,
    setFaults: (f) => faults.set(f),
    clearFaults: () => faults.clear(),
    reset: () => {
      store.reset();
      sb.rateLimiter.reset();
      sb.requests.clear();
    },
    flush: () => store.flush(),
    close: async () => {
      sb.webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.flush();
    },
  };
}
