/** Small helpers that keep /api/v1 route files to parse → call lib → respond. */
import { NextResponse } from "next/server";
import type { z } from "zod";
import { HttpError } from "@/lib/auth/guard";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function notFound(what: string, id: string | number): HttpError {
  return new HttpError(404, "not_found", `${what} ${id} does not exist`);
}

export function conflict(message: string, details?: unknown): HttpError {
  return new HttpError(409, "conflict", message, details);
}

/** A path id that is not a UUID names nothing, so it is a 404 rather than a database error. */
export function requireUuid(value: string | undefined, what: string): string {
  if (!value || !UUID.test(value)) throw notFound(what, value ?? "(missing)");
  return value;
}

/**
 * Shapes the body through its documented response schema (dropping anything undocumented),
 * so what the server sends is exactly what openapi.json promises.
 */
export function respond<S extends z.ZodType>(schema: S, body: z.input<S>, status = 200): NextResponse {
  return NextResponse.json(schema.parse(body), { status });
}

export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null | undefined) => (date ? date.toISOString() : null);
