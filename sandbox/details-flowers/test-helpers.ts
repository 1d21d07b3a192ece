/** Test helpers: an in-process sandbox on port 0 and a tiny fetch wrapper. */
import { startDfSandbox, type DfSandbox } from "./server";
import type { DfSandboxOptions } from "./config";

export const API_KEY = "df-sandbox-key";

export function startTestSandbox(overrides: Partial<DfSandboxOptions> = {}): Promise<DfSandbox> {
  return startDfSandbox({
    port: 0, statePath: null, apiKey: API_KEY, rateLimit: 100_000, latencyMs: 0, failRate: 0, webhookUrl: null,
    webhookBackoffMs: 20, persistDebounceMs: 5, seed: true, ...overrides,
  });
}

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T; text: string };
export type CallOptions = { body?: unknown; form?: Record<string, string>; headers?: Record<string, string>; auth?: string | null };

export function client(sb: DfSandbox, defaultAuth: string | null = API_KEY) {
  return async function call<T = any>(method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
    const auth = opts.auth === undefined ? defaultAuth : opts.auth;
    const headers: Record<string, string> = { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...opts.headers };
    let body: string | undefined;
    if (opts.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(opts.form).toString();
    } else if (opts.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(opts.body);
    }
    const res = await fetch(`${sb.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined, text };
  };
}

import Ajv2020Import from "ajv/dist/2020.js";
import addFormatsImport from "ajv-formats";
import { loadDfContract } from "../../contracts/details-flowers/index";

const Ajv2020 = ((Ajv2020Import as unknown as { default?: typeof Ajv2020Import }).default ?? Ajv2020Import);
const addFormats = ((addFormatsImport as unknown as { default?: typeof addFormatsImport }).default ?? addFormatsImport);

/** Closes every response object so an undocumented field the sandbox sends fails conformance. */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (!node || typeof node !== "object") return;
  const obj = node as Record<string, unknown>;
  if (obj.type === "object" && obj.properties && obj.additionalProperties === undefined) obj.additionalProperties = false;
  Object.values(obj).forEach(closeObjects);
}

/** Validates a response body against the contract's schema for (operationId, status). */
export function responseValidator() {
  const doc = loadDfContract();
  closeObjects(doc.components.schemas);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as unknown as Record<string, unknown>, "df");
  const ops = new Map<string, { path: string; method: string; responses: Record<string, Record<string, unknown>> }>();
  for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) ops.set(op.operationId, { path, method, responses: op.responses });
  return {
    operationIds: [...ops.keys()],
    check(operationId: string, status: number, body: unknown): string[] {
      const op = ops.get(operationId);
      if (!op) return [`unknown operation ${operationId}`];
      let response = op.responses[String(status)];
      if (!response) return [`status ${status} is not documented for ${operationId}`];
      if (typeof response.$ref === "string") response = ajv.getSchema(`df${response.$ref}`)?.schema as Record<string, unknown>;
      const content = (response.content as Record<string, { schema: { $ref: string } }> | undefined)?.["application/json"];
      if (!content) return body === undefined ? [] : [`${operationId} ${status} must have no body`];
      const validate = ajv.getSchema(`df${content.schema.$ref}`)!;
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}
