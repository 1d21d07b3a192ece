 
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { startGhlSandbox, type GhlSandboxHandle, type GhlSandboxOptions } from "./server";

export const VERSION = "2021-07-28";

export interface Api {
  sandbox: GhlSandboxHandle;
  locationId: string;
  otherLocationId: string;
  call(method: string, path: string, body?: unknown, opts?: { token?: string | null; version?: string | null }): Promise<{ status: number; body: any; headers: Headers }>;
}

export async function startApi(options: GhlSandboxOptions = {}): Promise<Api> {
  // A high burst limit keeps unrelated tests clear of 429s; rate-limit tests override it.
  const sandbox = await startGhlSandbox({ port: 0, burstLimit: 1_000_000, ...options });
  const [loc, other] = sandbox.sandbox.store.data.locations;
  return {
    sandbox,
    locationId: loc.id,
    otherLocationId: other.id,
    async call(method, path, body, opts = {}) {
      const headers: Record<string, string> = {};
      const token = opts.token === undefined ? sandbox.sandbox.config.pit : opts.token;
      if (token) headers.authorization = `Bearer ${token}`;
      const version = opts.version === undefined ? VERSION : opts.version;
      if (version) headers.version = version;
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await fetch(sandbox.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
  };
}

export interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  json: any;
}

/** A local webhook receiver; `respond` picks the status for each delivery (default 200). */
export async function startReceiver(respond: (n: number, r: Received) => number = () => 200) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const r = { headers: req.headers, raw, json: JSON.parse(raw.toString("utf8")) };
      received.push(r);
      res.writeHead(respond(received.length, r)).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor(predicate: () => boolean, timeoutMs = 3000) {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}
