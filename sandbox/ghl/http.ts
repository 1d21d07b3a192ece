import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Thrown by handlers; the server turns it into a JSON response with GHL's error shape. */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: Record<string, unknown>,
    public readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === "string" ? body.message : `HTTP ${status}`);
  }
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export const badRequest = (message: string, extra: Record<string, unknown> = {}) =>
  new HttpError(400, { statusCode: 400, message, ...extra });
export const unauthorized = (message: string) => new HttpError(401, { statusCode: 401, message, error: REASONS[401] });
export const forbidden = (message: string) => new HttpError(403, { statusCode: 403, message, error: REASONS[403] });
export const unprocessable = (messages: string[]) =>
  new HttpError(422, { statusCode: 422, message: messages, error: REASONS[422] });
export const genericError = (status: number, message = REASONS[status] ?? "Error") =>
  new HttpError(status, { statusCode: status, message, error: REASONS[status] ?? "Error" });

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(genericError(413 as number, "Payload Too Large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function isJson(req: IncomingMessage) {
  return (req.headers["content-type"] ?? "").toLowerCase().includes("application/json");
}

export function isForm(req: IncomingMessage) {
  return (req.headers["content-type"] ?? "").toLowerCase().includes("application/x-www-form-urlencoded");
}

/** Parses a JSON body; an empty body is `undefined`, malformed JSON is GHL's 400. */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("Unexpected token in JSON body", { error: REASONS[400] });
  }
}

export function parseForm(raw: Buffer): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
  res.end(html);
}

export function sendText(res: ServerResponse, status: number, text: string, type = "text/plain") {
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function redirect(res: ServerResponse, location: string, status = 303) {
  res.writeHead(status, { location });
  res.end();
}

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
