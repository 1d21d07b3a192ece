import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OperationContext } from "../../define";
import { FatalError, RateLimitedError, RetryableError, isConnectorError } from "../../errors";
import { createSendToWebhook, sendToWebhookInput } from "./send-to-webhook";

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
let script: Array<(res: http.ServerResponse) => void> = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const next = script.shift() ?? ((r) => r.writeHead(200, { "content-type": "application/json" }).end('{"status":"success"}'));
      next(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ctx: OperationContext = {
  http: { request: () => Promise.reject(new Error("webhook.send must build its own client")) },
  connection: { id: "none", accountId: null, scopes: [] },
  idMap: { find: async () => null, link: async () => undefined, exclusive: (_source, _system, _type, write) => write() },
  idempotencyKey: "run-1:node-7:0",
};

const local = createSendToWebhook({ guard: { allowPrivate: true } });
const run = (op: typeof local, raw: unknown) => op.run(ctx, sendToWebhookInput.parse(raw));

/** What the executor does with the error classes: retry retryable ones, give up on the rest. */
async function withRetries<T>(attempt: () => Promise<T>, max = 5): Promise<{ result: T; attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    try {
      return { result: await attempt(), attempts };
    } catch (error) {
      if (attempts >= max || !(error instanceof RetryableError || error instanceof RateLimitedError)) throw error;
    }
  }
}

describe("webhook.send", () => {
  it("retries a 500 and then delivers the same request with the same Idempotency-Key", async () => {
    seen.length = 0;
    script = [(res) => res.writeHead(500).end("boom"), (res) => res.writeHead(502).end()];
    const { result, attempts } = await withRetries(() =>
      run(local, { url: `${base}/hooks/catch/1/abc/?src=bb&tag=a&tag=b`, headers: { "X-Token": "s3cret", Host: "evil" }, body: { email: "ada@example.com", n: 2 } }),
    );
    expect(attempts).toBe(3);
    expect(result).toMatchObject({ status: 200, body: { status: "success" } });
    expect(seen).toHaveLength(3);
    for (const request of seen) {
      expect(request).toMatchObject({ method: "POST", url: "/hooks/catch/1/abc/?src=bb&tag=a&tag=b" });
      expect(JSON.parse(request.body)).toEqual({ email: "ada@example.com", n: 2 });
      expect(request.headers).toMatchObject({ "idempotency-key": "run-1:node-7:0", "x-token": "s3cret", "content-type": "application/json" });
      expect(request.headers.host).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it("uses PUT when asked", async () => {
    seen.length = 0;
    await run(local, { url: `${base}/put`, method: "PUT", body: {} });
    expect(seen[0].method).toBe("PUT");
  });

  it.each([
    [500, RetryableError],
    [503, RetryableError],
    [408, RetryableError],
    [429, RateLimitedError],
    [401, FatalError],
    [404, FatalError],
    [422, FatalError],
  ])("classifies %i as %o", async (status, kind) => {
    script = [(res) => res.writeHead(status, { "content-type": "application/json", "retry-after": "7" }).end('{"message":"nope"}')];
    const error = await run(local, { url: `${base}/x`, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect((error as Error).message).toContain(`${status}: nope`);
    if (error instanceof RateLimitedError) expect(error.retryAfterMs).toBe(7000);
  });

  it("turns a refused connection into a RetryableError", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(run(local, { url: `http://127.0.0.1:${port}/`, body: {} })).rejects.toBeInstanceOf(RetryableError);
  });

  it("refuses private targets by default, before sending anything", async () => {
    seen.length = 0;
    const strict = createSendToWebhook();
    const error = await run(strict, { url: `${base}/x`, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalError);
    expect((error as Error).message).toMatch(/loopback/);
    expect(seen).toHaveLength(0);
  });

  it("re-checks redirect targets (no hop to cloud metadata)", async () => {
    const onlyLoopback = createSendToWebhook({ guard: { allowHosts: ["127.0.0.1"] } });
    script = [(res) => res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" }).end()];
    const error = await run(onlyLoopback, { url: `${base}/redirect`, body: {} }).catch((e: unknown) => e);
    expect(isConnectorError(error) && error.kind).toBe("fatal");
    expect((error as Error).message).toMatch(/169\.254\.169\.254.*link-local/);
  });

  it("follows a redirect to an allowed host, keeping the method for 307", async () => {
    seen.length = 0;
    script = [(res) => res.writeHead(307, { location: "/moved" }).end()];
    const result = await run(local, { url: `${base}/old`, body: { a: 1 } });
    expect(result.status).toBe(200);
    expect(seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual(['POST /old {"a":1}', 'POST /moved {"a":1}']);
  });

  it("on a redirect to another host drops every header the user set, keeping what the transport needs", async () => {
    seen.length = 0;
    const other = base.replace("127.0.0.1", "localhost");
    script = [(res) => res.writeHead(307, { location: `${other}/elsewhere` }).end()];
    const headers = { Authorization: "Bearer s3cret", "X-Api-Key": "k3y", Cookie: "sid=1", "X-Custom": "c" };
    const result = await run(local, { url: `${base}/first`, headers, body: { a: 1 } });
    expect(result.status).toBe(200);
    expect(seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual(['POST /first {"a":1}', 'POST /elsewhere {"a":1}']);
    expect(seen[0].headers).toMatchObject({ authorization: "Bearer s3cret", "x-api-key": "k3y", cookie: "sid=1", "x-custom": "c" });
    const second = seen[1].headers;
    for (const name of ["authorization", "x-api-key", "cookie", "x-custom", "idempotency-key"]) expect(second[name]).toBeUndefined();
    expect(second["content-type"]).toBe("application/json");
  });

  it("keeps the user's headers on a redirect within the same host", async () => {
    seen.length = 0;
    script = [(res) => res.writeHead(307, { location: "/same" }).end()];
    await run(local, { url: `${base}/first`, headers: { "X-Api-Key": "k3y" }, body: {} });
    expect(seen[1].headers["x-api-key"]).toBe("k3y");
  });

  it("rejects non-http URLs at input validation", () => {
    expect(sendToWebhookInput.safeParse({ url: "file:///etc/passwd", body: {} }).success).toBe(false);
  });
});
