/** Details Flowers sandbox: a node:http server implementing contracts/details-flowers/openapi.json. */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdmin } from "./admin/routes";
import { authenticate, type Credential } from "./auth";
import { optionsFromEnv, type DfSandboxOptions } from "./config";
import { contract, matchRoute, validateRequest } from "./contract";
import { shouldFail, type Faults } from "./faults";
import { HANDLERS } from "./handlers";
import { errorBody, HttpError, readBody, send, sleep } from "./http-util";
import { fingerprint, lookup, remember } from "./idempotency";
import { Sandbox, type LoggedRequest } from "./sandbox";
import type { OrderStatus } from "./types";

const API_PREFIX = "/v1";

async function handleApi(sb: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, log: Partial<LoggedRequest>) {
  const headers: Record<string, string> = { "X-Request-Id": requestId };
  const fail = (err: HttpError) => {
    log.status = err.status;
    send(res, err.status, errorBody(err, requestId), { ...headers, ...err.headers });
  };
  try {
    const raw = await readBody(req);
    const method = req.method ?? "GET";
    const matched = matchRoute(method, url.pathname.slice(API_PREFIX.length) || "/");
    if (!matched) throw new HttpError("not_found", `No operation ${method} ${url.pathname}`);
    const { route, params } = matched;
    log.operationId = route.operationId;

    if (sb.faults.latencyMs > 0) await sleep(sb.faults.latencyMs);
    if (sb.faults.rateLimitStorm) {
      throw new HttpError("rate_limited", "Rate limit exceeded (injected storm)", undefined, {
        "Retry-After": "1", "RateLimit-Limit": String(sb.options.rateLimit), "RateLimit-Remaining": "0", "RateLimit-Reset": "1",
      });
    }
    if (shouldFail(sb.faults, method, url.pathname)) throw new HttpError("internal", "Injected fault: internal error");

    let credential: Credential | null = null;
    if (!route.public) credential = authenticate(req.headers, sb.store.state, sb.options);
    const limit = sb.limiter.hit(credential?.key ?? `ip:${req.socket.remoteAddress}`);
    Object.assign(headers, limit.headers);
    if (!limit.allowed) throw new HttpError("rate_limited", `Rate limit of ${sb.options.rateLimit} requests per ${sb.options.rateWindowS}s exceeded`, undefined, limit.headers);
    if (credential && route.write && !credential.scopes.includes("write")) throw new HttpError("forbidden", "This credential has read-only scope");

    // From here to the response nothing awaits, so check-then-write (idempotency, upsert) is atomic.
    const idemKey = route.write && credential ? (req.headers["idempotency-key"] as string | undefined) ?? null : null;
    const scopedKey = idemKey ? `${credential!.key}|${idemKey}` : null;
    const print = scopedKey ? fingerprint(method, url.pathname, raw) : "";
    const replay = scopedKey ? lookup(sb.store.state, scopedKey, print) : null;
    if (replay) {
      log.status = replay.status;
      log.replayed = true;
      return send(res, replay.status, replay.body, { ...headers, "Idempotent-Replayed": "true" });
    }
    const parsed = validateRequest(route, params, url.searchParams, req.headers, raw, String(req.headers["content-type"] ?? ""));
    let status: number;
    let body: unknown;
    try {
      const result = HANDLERS[route.operationId]({ store: sb.store, options: sb.options, params, query: parsed.query, body: parsed.body as Record<string, unknown> | undefined });
      ({ status, body } = result);
    } catch (err) {
      if (!(err instanceof HttpError) || err.status === 422 || err.status >= 500) throw err;
      ({ status } = err);
      body = errorBody(err, requestId);
    }
    if (scopedKey) {
      remember(sb.store.state, scopedKey, print, { status, body, headers: {} });
      sb.store.schedulePersist();
    }
    log.status = status;
    send(res, status, body, headers);
  } catch (err) {
    if (err instanceof HttpError) return fail(err);
    console.error("[df-sandbox] unexpected error", err);
    fail(new HttpError("internal", "Unexpected sandbox error"));
  }
}

export type DfSandbox = {
  /** Origin, e.g. http://127.0.0.1:4020 */
  url: string;
  /** API base, e.g. http://127.0.0.1:4020/v1 */
  baseUrl: string;
  port: number;
  options: DfSandboxOptions;
  sandbox: Sandbox;
  close(): Promise<void>;
  setFaults(patch: Partial<Faults>): Faults;
  clearFaults(): Faults;
  reset(opts?: { seed?: boolean }): void;
  requests(): LoggedRequest[];
  clearRequests(): void;
  webhookDeliveries(): Sandbox["dispatcher"]["deliveries"];
  setOrderStatus(id: string, status: OrderStatus): unknown;
  flush(): Promise<void>;
};

export async function startDfSandbox(overrides: Partial<DfSandboxOptions> = {}): Promise<DfSandbox> {
  const options = { ...optionsFromEnv(), ...overrides };
  contract(); // compile validators now, not on the first request
  const sb = new Sandbox(options);
  const server = createServer((req, res) => {
    const started = Date.now();
    const requestId = `req_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const log: Partial<LoggedRequest> = { status: 500, operationId: null, replayed: false };
    res.on("finish", () => {
      if (!url.pathname.startsWith(API_PREFIX)) return;
      sb.log({
        requestId, at: new Date(started).toISOString(), method: req.method ?? "GET", path: url.pathname + url.search,
        operationId: log.operationId ?? null, status: res.statusCode, idempotencyKey: (req.headers["idempotency-key"] as string | undefined) ?? null,
        replayed: log.replayed ?? false, durationMs: Date.now() - started,
      });
    });
    if (url.pathname === "/admin" || url.pathname.startsWith("/admin/")) {
      handleAdmin(sb, req, res, url).catch((err) => {
        console.error("[df-sandbox] admin error", err);
        if (!res.headersSent) send(res, 500, { error: { code: "internal", message: String(err), requestId } });
      });
      return;
    }
    if (url.pathname === "/") return send(res, 302, undefined, { location: "/admin" });
    if (url.pathname === "/healthz") return send(res, 200, { ok: true });
    if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) {
      return send(res, 404, errorBody(new HttpError("not_found", `Unknown path ${url.pathname}; the API lives under ${API_PREFIX}`), requestId));
    }
    void handleApi(sb, req, res, url, requestId, log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}`;
  return {
    url, baseUrl: `${url}${API_PREFIX}`, port, options, sandbox: sb,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await sb.close();
    },
    setFaults: (patch) => sb.setFaults(patch),
    clearFaults: () => sb.clearFaults(),
    reset: (opts) => sb.reset(opts),
    requests: () => [...sb.requests],
    clearRequests: () => void sb.requests.splice(0),
    webhookDeliveries: () => [...sb.dispatcher.deliveries],
    setOrderStatus: (id, status) => sb.setOrderStatus(id, status),
    flush: () => sb.store.flush(),
  };
}
