/**
 * Send to webhook: POST or PUT the JSON the user maps to any public URL. Today this is the
 * only real path into Details Flowers (a Zapier Catch Hook feeding "Create Client-Event").
 */
import { z } from "zod";
import { defineOperation, secretField } from "../../define";
import { FatalError, RateLimitedError, RetryableError, isConnectorError, type AnyConnectorError } from "../../errors";
import { apiMessageOf, createHttpClient, parseRetryAfter, type HttpResponse } from "../../http";
import type { SsrfGuardOptions } from "../../ssrf-guard";
import { createGuardedFetch } from "../guarded-fetch";

export type WebhookOptions = {
  guard?: SsrfGuardOptions;
  timeoutMs?: number;
};

// Headers the transport owns; letting users set them breaks framing or virtual hosting.
const RESERVED_HEADERS = new Set(["host", "content-length", "connection", "transfer-encoding", "keep-alive", "upgrade"]);

export const sendToWebhookInput = z.object({
  url: z.url({ protocol: /^https?$/ }).describe("Where to send the data, e.g. a Zapier Catch Hook URL (https://hooks.zapier.com/…)"),
  method: z.enum(["POST", "PUT"]).default("POST").describe("HTTP method; most webhook receivers expect POST"),
  headers: secretField(
    z
      .record(z.string(), z.string())
      .optional()
      .describe("Extra request headers, e.g. an Authorization header the receiver checks. Stored encrypted and shown masked once saved"),
  ),
  body: z.record(z.string(), z.json()).describe("Fields to send, as one JSON object"),
});

export const sendToWebhookOutput = z.object({
  status: z.number().int().describe("HTTP status the receiver answered with"),
  body: z.json().optional().describe("The receiver's response: parsed JSON, or text"),
  headers: z.record(z.string(), z.string()).describe("Response headers"),
});

function classifyWebhookError(res: HttpResponse): AnyConnectorError {
  const apiMessage = apiMessageOf(res.body);
  const details = { apiMessage, status: res.status, call: res.call, body: res.body };
  const text = `The webhook answered ${res.status}${apiMessage ? `: ${apiMessage}` : ""}`;
  if (res.status === 429) {
    const wait = parseRetryAfter(res.headers.get("retry-after")) ?? 30_000;
    return new RateLimitedError(`${text} (rate limited)`, wait, details);
  }
  if (res.status >= 500 || res.status === 408 || res.status === 425) return new RetryableError(text, { ...details, retryAfterMs: parseRetryAfter(res.headers.get("retry-after")) });
  // 401/403 are the receiver rejecting the headers the user set: not a Bloombridge connection problem.
  const hint = res.status === 401 || res.status === 403 ? " — check the headers this step sends" : res.status === 404 ? " — check the URL" : "";
  return new FatalError(`${text}${hint}`, details);
}

// Built once: z.json() constructs a recursive schema, a third of a step's CPU when built per call.
const jsonValue = z.json();

function toJson(value: unknown): z.infer<typeof sendToWebhookOutput>["body"] {
  const parsed = jsonValue.safeParse(value);
  return parsed.success ? parsed.data : String(value);
}

export function createSendToWebhook(options: WebhookOptions = {}) {
  const fetchImpl = createGuardedFetch(options.guard);
  return defineOperation({
    key: "webhook.send",
    connector: "webhook",
    resource: "webhook",
    label: "Send to webhook",
    description: "POST or PUT a JSON object to a URL you give (for example a Zapier Catch Hook). Retries when the receiver is down or rate limits.",
    effect: "write",
    scopes: [],
    input: sendToWebhookInput,
    output: sendToWebhookOutput,
    example: {
      input: {
        url: "https://hooks.zapier.com/hooks/catch/123456/abcdef/",
        method: "POST",
        body: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", eventName: "Lovelace wedding", eventDate: "2026-06-20" },
      },
      output: { status: 200, body: { status: "success", id: "0192-abc" }, headers: { "content-type": "application/json" } },
    },
    async run(ctx, input) {
      const target = new URL(input.url);
      const headers: Record<string, string> = { "idempotency-key": ctx.idempotencyKey };
      for (const [name, value] of Object.entries(input.headers ?? {})) {
        if (!RESERVED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
      }
      // The user's URL is the base; the request path stays empty so the query string survives.
      const http = createHttpClient({ baseUrl: target.origin, fetchImpl, classifyError: classifyWebhookError, timeoutMs: options.timeoutMs });
      const query = Object.fromEntries([...new Set(target.searchParams.keys())].map((k) => [k, target.searchParams.getAll(k)]));
      const res = await http
        .request({ method: input.method, path: target.pathname, query, headers, body: input.body })
        .catch((error: unknown) => {
          // http.ts wraps every fetch failure as retryable; a guard refusal inside the fetch must stay fatal.
          throw error instanceof RetryableError && isConnectorError(error.cause) ? error.cause : error;
        });
      ctx.log?.(`webhook ${input.method} ${target.host}${target.pathname} → ${res.status}`);
      const responseHeaders: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        responseHeaders[name] = value;
      });
      return { status: res.status, body: res.body === undefined ? undefined : toJson(res.body), headers: responseHeaders };
    },
  });
}
