/** Error type, error body and small HTTP helpers shared by the sandbox. */
import type { IncomingMessage, ServerResponse } from "node:http";

export type ErrorCode =
  | "validation_failed" | "not_found" | "unauthorized" | "forbidden" | "conflict" | "rate_limited" | "idempotency_key_reused" | "internal";
export type FieldError = { field: string; message: string };

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 422, not_found: 404, unauthorized: 401, forbidden: 403, conflict: 409, rate_limited: 429, idempotency_key_reused: 422, internal: 500,
};

export class HttpError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string, readonly details?: FieldError[], readonly headers: Record<string, string> = {}) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string, id: string) => new HttpError("not_found", `No ${what} with id ${id}`);
export const invalid = (field: string, message: string) => new HttpError("validation_failed", "Request validation failed", [{ field, message }]);

export function errorBody(err: HttpError, requestId: string) {
  return { error: { code: err.code, message: err.message, ...(err.details?.length ? { details: err.details } : {}), requestId } };
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw invalid("body", `must be at most ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { ...(body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }), ...headers });
  res.end(payload);
}

/** Key-order-independent JSON, so `{a,b}` and `{b,a}` count as the same idempotent body. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
