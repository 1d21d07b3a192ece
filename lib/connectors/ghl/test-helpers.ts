// Shared by the GHL unit tests: a recording fetch stub and an OperationContext around it.
import type { OperationContext } from "../define";
import { createGhlHttpClient } from "./client";

export type RecordedRequest = { method: string; url: URL; headers: Record<string, string>; body: unknown; rawBody: string | undefined };
export type StubResponse = { status?: number; body?: unknown; headers?: Record<string, string> };

export function stubFetch(respond: (req: RecordedRequest) => StubResponse | Promise<StubResponse>) {
  const requests: RecordedRequest[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const rawBody = typeof init?.body === "string" ? init.body : undefined;
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    let body: unknown = rawBody;
    if (rawBody && headers["content-type"]?.includes("json")) body = JSON.parse(rawBody);
    const req = { method: init?.method ?? "GET", url: new URL(String(input)), headers, body, rawBody };
    requests.push(req);
    const res = await respond(req);
    const text = res.body === undefined ? "" : JSON.stringify(res.body);
    return new Response(text || null, { status: res.status ?? 200, headers: { "content-type": "application/json", ...res.headers } });
  };
  return { fetchImpl, requests };
}

export function testContext(fetchImpl: typeof fetch, overrides: Partial<OperationContext> = {}): OperationContext {
  return {
    http: createGhlHttpClient({ baseUrl: "https://ghl.test", getAccessToken: () => "tok_123", fetchImpl }),
    connection: { id: "conn_1", accountId: "ve9EPM428h8vShlRW1KT", scopes: ["contacts.readonly", "contacts.write"] },
    idMap: { find: async () => null, link: async () => undefined, exclusive: (_source, _system, _type, write) => write() },
    idempotencyKey: "run_1:node_1:0",
    ...overrides,
  };
}
