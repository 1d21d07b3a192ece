/**
 * A `fetch` for user-supplied URLs. Checking the URL once is not enough: a redirect can
 * point at 169.254.169.254, and DNS can answer differently on the second lookup (rebinding).
 * So every hop is re-checked, and the socket connects only to the addresses the guard
 * approved.
 */
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { FatalError } from "../errors";
import { assertPublicUrl, type SsrfGuardOptions } from "../ssrf-guard";

const MAX_REDIRECTS = 5;
// What the transport itself needs; on a cross-host redirect every other header (the user's
// authorization, x-api-key, cookies, idempotency keys…) stays with the host it was meant for.
const TRANSPORT_HEADERS = ["accept", "accept-encoding", "user-agent", "content-type"];
const MAX_RESPONSE_BYTES = 1_000_000;

function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    if (options.all) callback(null, entries);
    else callback(null, entries[0].address, entries[0].family);
  };
}

type Hop = { url: URL; addresses: string[]; method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal };

function send(hop: Hop): Promise<Response> {
  const transport = hop.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      hop.url,
      { method: hop.method, headers: hop.headers, lookup: pinnedLookup(hop.addresses), signal: hop.signal },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
        });
        res.on("error", reject);
        res.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
          }
          const status = res.statusCode ?? 502;
          const empty = size === 0 || status === 204 || status === 304;
          resolve(new Response(empty ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers }));
        });
      },
    );
    // Surface the signal's reason (e.g. TimeoutError) so callers can tell timeouts apart.
    req.on("error", (error) => reject(hop.signal?.aborted ? hop.signal.reason : error));
    req.end(hop.body);
  });
}

function plainHeaders(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** A fetch-compatible function that only ever connects to addresses the SSRF guard allows. */
export function createGuardedFetch(guard: SsrfGuardOptions = {}): typeof fetch {
  const guardedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url = input instanceof Request ? input.url : String(input);
    let method = (init?.method ?? "GET").toUpperCase();
    let body = typeof init?.body === "string" ? init.body : undefined;
    let headers = plainHeaders(init);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const target = await assertPublicUrl(url, guard);
      const response = await send({ url: target.url, addresses: target.addresses, method, headers, body, signal: init?.signal ?? undefined });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return response;
      const next = new URL(location, target.url);
      // Credentials the user set for one host must not leak to another via a redirect.
      if (next.host !== target.url.host) {
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => TRANSPORT_HEADERS.includes(name)));
      }
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
        method = "GET";
        body = undefined;
        delete headers["content-type"];
      }
      url = next.toString();
    }
    throw new FatalError(`Stopped after ${MAX_REDIRECTS} redirects starting at ${String(input)}.`);
  };
  return guardedFetch as typeof fetch;
}
