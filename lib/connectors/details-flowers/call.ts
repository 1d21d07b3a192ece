/**
 * Calls one contract operation from the generated table: fills path parameters, validates
 * the body against the contract before sending (so a bad field fails fast, by name), and
 * parses the response with the contract's schema.
 */
import type { z } from "zod";
import { FatalError } from "../errors";
import type { HttpClient, QueryValue } from "../http";

export type DfOperationSpec = {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly path: string;
  readonly pathParams: z.ZodObject;
  readonly query: z.ZodObject;
  readonly csvQuery: readonly string[];
  readonly body: z.ZodType | null;
  readonly bodyType: "json" | "form";
  readonly response: z.ZodType | null;
  readonly summary: string;
};

type BodyOf<S extends DfOperationSpec> = S["body"] extends z.ZodType ? z.input<S["body"]> : never;
export type DfResponse<S extends DfOperationSpec> = S["response"] extends z.ZodType ? z.output<S["response"]> : undefined;

export type DfCallArgs<S extends DfOperationSpec> = {
  path?: z.input<S["pathParams"]>;
  query?: z.input<S["query"]>;
  body?: BodyOf<S>;
  /** Sent as `Idempotency-Key`; every write should carry one. */
  idempotencyKey?: string;
};

/** `client.email: Invalid email address; title: is required` */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join(".") || "(body)";
      const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
      return `${field}: ${missing ? "is required" : issue.message}`;
    })
    .join("; ");
}

function fillPath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === "") throw new FatalError(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
}

export async function callDf<S extends DfOperationSpec>(http: HttpClient, spec: S, args: DfCallArgs<S> = {}): Promise<DfResponse<S>> {
  const query: Record<string, QueryValue> = {};
  for (const [name, value] of Object.entries((args.query ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    // `style: form, explode: false` parameters travel as one comma-separated value.
    query[name] = Array.isArray(value) && spec.csvQuery.includes(name) ? value.join(",") : (value as QueryValue);
  }
  let body: unknown;
  if (spec.body && args.body !== undefined) {
    const checked = spec.body.safeParse(args.body);
    if (!checked.success) throw new FatalError(`Details Flowers "${spec.summary}" request is invalid: ${describeIssues(checked.error)}`);
    body = spec.bodyType === "form" ? new URLSearchParams(checked.data as Record<string, string>) : checked.data;
  }
  const res = await http.request({
    method: spec.method,
    path: fillPath(spec.path, (args.path ?? {}) as Record<string, unknown>),
    query,
    body,
    headers: args.idempotencyKey ? { "Idempotency-Key": args.idempotencyKey } : undefined,
  });
  if (!spec.response) return undefined as DfResponse<S>;
  const parsed = spec.response.safeParse(res.body);
  if (!parsed.success) {
    throw new FatalError(`Details Flowers answered "${spec.summary}" with an unexpected shape: ${describeIssues(parsed.error)}`, {
      status: res.status,
      call: res.call,
      body: res.body,
    });
  }
  return parsed.data as DfResponse<S>;
}
