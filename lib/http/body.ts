/**
 * Request bodies read with limits: JSON only (415 otherwise) and at most a configured number
 * of bytes, counted while streaming, so an oversized body is cut off at the cap (413) — never
 * read in full, and for webhooks before any signature check spends CPU on it.
 */
import { env } from "@/lib/env";
import { HttpError } from "./errors";

export type BodyKind = "api" | "webhook";

const LIMIT_VARIABLE: Record<BodyKind, "BLOOMBRIDGE_MAX_API_BODY_BYTES" | "BLOOMBRIDGE_MAX_WEBHOOK_BODY_BYTES"> = {
  api: "BLOOMBRIDGE_MAX_API_BODY_BYTES",
  webhook: "BLOOMBRIDGE_MAX_WEBHOOK_BODY_BYTES",
};

export function bodyLimit(kind: BodyKind): number {
  return env()[LIMIT_VARIABLE[kind]];
}

/** `application/json` or a `+json` type such as `application/vnd.api+json`, any parameters. */
export function isJsonContentType(header: string | null): boolean {
  const type = (header ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[\w.-]+\+json$/.test(type);
}

export function requireJsonContentType(req: Request): void {
  const type = req.headers.get("content-type");
  if (isJsonContentType(type)) return;
  throw new HttpError(415, "unsupported_media_type", `Send the body as JSON with Content-Type: application/json (got ${type ? JSON.stringify(type) : "no Content-Type"})`);
}

const tooLarge = (kind: BodyKind, limit: number) =>
  new HttpError(413, "payload_too_large", `The ${kind === "api" ? "request" : "webhook"} body is larger than the limit of ${limit} bytes (${LIMIT_VARIABLE[kind]})`, { limit });

/** The body's bytes, or a 413 as soon as the declared length or the bytes received pass the limit. */
export async function readCappedBody(req: Request, kind: BodyKind, limit = bodyLimit(kind)): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) {
    await req.body?.cancel().catch(() => undefined);
    throw tooLarge(kind, limit);
  }
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(kind, limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, received);
}

/** A webhook's raw bytes for signature checks: JSON content type first, then the capped read. */
export async function readWebhookBody(req: Request): Promise<Buffer> {
  requireJsonContentType(req);
  return readCappedBody(req, "webhook");
}
