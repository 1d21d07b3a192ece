import type { OperationContext } from "../../define";
import { FatalError } from "../../errors";
import type { HttpRequest, QueryValue } from "../../http";
import { GHL_API_VERSION } from "../client";

type GhlCall = {
  method: HttpRequest["method"];
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** POST endpoints that only read (search) skip the Idempotency-Key. */
  readOnly?: boolean;
};

/** Path segment from a user-supplied id. */
export const seg = (id: string) => encodeURIComponent(id);

/**
 * Sends one GHL request and returns the JSON body. The Version header is repeated here so an
 * operation works on any HttpClient; writes carry the step's Idempotency-Key (GHL ignores it,
 * proxies and the sandbox may use it).
 */
export async function ghlCall(ctx: OperationContext, { readOnly, ...call }: GhlCall): Promise<unknown> {
  const headers: Record<string, string> = { Version: GHL_API_VERSION };
  if (call.method !== "GET" && !readOnly) headers["Idempotency-Key"] = ctx.idempotencyKey;
  const res = await ctx.http.request({ ...call, headers });
  return res.body ?? {};
}

/** The location to act in: the input's, else the connected location. */
export function locationOf(ctx: OperationContext, locationId: string | undefined): string {
  const id = locationId || ctx.connection.accountId;
  if (!id) throw new FatalError("No GHL location: set locationId or use a connection bound to a location");
  return id;
}
