/**
 * The one wrapper every route handler and server action goes through:
 * authenticate (session or API key) → authorize (role) → validate input (zod) → handle.
 */
import { NextResponse } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { readCappedBody, requireJsonContentType } from "@/lib/http/body";
import { HttpError } from "@/lib/http/errors";
import { describeProblem, toPgSafeJson } from "@/lib/json/pg-safe";
import { logger } from "@/lib/log";
import { principalFromApiKey, principalFromSession, type Principal } from "./principal";
import { hasRole, type Role } from "./roles";

export { HttpError };

export function errorResponse(status: number, code: string, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status });
}

export function zodDetails(error: z.ZodError) {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.message }));
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type RouteOptions<S extends z.ZodType> = {
  /** Minimum role; `public` skips authentication (health, metrics, signed webhooks). */
  role: Role | "public";
  /** Accept `Authorization: Bearer <api key>` (the /api/v1 public API). */
  apiKeys?: boolean;
  input?: S;
};

type Handler<S extends z.ZodType, P> = (ctx: {
  req: Request;
  principal: P;
  input: z.output<S>;
  params: Record<string, string>;
}) => Promise<Response | unknown>;

/** Query or JSON body, within the size limit, with every string storable (else 413 / 415 / 422). */
async function readInput(req: Request): Promise<unknown> {
  const input = await readRawInput(req);
  // Refuse what PostgreSQL cannot store before anything is written (no half-applied change).
  const { problems } = toPgSafeJson(input);
  if (problems.length) throw new HttpError(422, "validation_failed", "The request contains text that cannot be stored; fix every field listed in details", problems.map(describeProblem));
  return input;
}

async function readRawInput(req: Request): Promise<unknown> {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "DELETE") {
    return Object.fromEntries(new URL(req.url).searchParams);
  }
  const raw = await readCappedBody(req, "api");
  if (!raw.length) return {};
  requireJsonContentType(req);
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON");
  }
}

async function authenticate(req: Request, apiKeys: boolean): Promise<Principal | null> {
  if (apiKeys && req.headers.get("authorization")) {
    const principal = await principalFromApiKey(req.headers);
    if (!principal) throw new HttpError(401, "unauthorized", "The API key is invalid or revoked");
    return principal;
  }
  return principalFromSession();
}

export function route<S extends z.ZodType = z.ZodUnknown, R extends Role | "public" = Role | "public">(
  options: RouteOptions<S> & { role: R },
  handler: Handler<S, R extends "public" ? Principal | null : Principal>,
) {
  return async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      let principal: Principal | null = null;
      if (options.role !== "public") {
        principal = await authenticate(req, options.apiKeys ?? false);
        if (!principal) throw new HttpError(401, "unauthorized", "Sign in or send an API key");
        if (!hasRole(principal.role, options.role)) {
          throw new HttpError(403, "forbidden", `This needs the ${options.role} role; you are ${principal.role}`);
        }
      }
      let input: unknown = undefined;
      if (options.input) {
        const parsed = options.input.safeParse(await readInput(req));
        if (!parsed.success) throw new HttpError(422, "validation_failed", "The request is invalid", zodDetails(parsed.error));
        input = parsed.data;
      }
      const raw = await ctx.params;
      const params = Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const result = await handler({ req, principal: principal as R extends "public" ? Principal | null : Principal, input: input as z.output<S>, params });
      return result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message, error.details);
      logger.error({ err: error, path: new URL(req.url).pathname }, "route failed");
      return errorResponse(500, "internal", "Something went wrong on our side; the error was logged");
    }
  };
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fields?: { field: string; message: string }[] };

/** Server actions: same checks, errors returned as values so forms can show them. */
export function action<S extends z.ZodType, T>(role: Role, schema: S, fn: (input: z.output<S>, principal: Principal) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const principal = await principalFromSession();
    if (!principal) return { ok: false, error: "Your session has ended; sign in again" };
    if (!hasRole(principal.role, role)) return { ok: false, error: `This needs the ${role} role; you are ${principal.role}` };
    const { problems } = toPgSafeJson(raw);
    if (problems.length) return { ok: false, error: "Some text cannot be stored", fields: problems.map(describeProblem) };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "Some fields are invalid", fields: zodDetails(parsed.error) };
    try {
      return { ok: true, data: await fn(parsed.data, principal) };
    } catch (error) {
      if (error instanceof HttpError) return { ok: false, error: error.message };
      logger.error({ err: error }, "server action failed");
      return { ok: false, error: "Something went wrong on our side; the error was logged" };
    }
  };
}

/** Server components: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(role: Role = "viewer"): Promise<Extract<Principal, { kind: "user" }>> {
  const principal = await principalFromSession();
  if (!principal || principal.kind !== "user") redirect("/sign-in");
  if (!hasRole(principal.role, role)) redirect("/?forbidden=1");
  return principal;
}
