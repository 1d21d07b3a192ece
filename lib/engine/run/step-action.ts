/** One action step: map inputs, validate, call the operation through its connection, validate output. */
import type { OperationContext, OperationDefinition } from "@/lib/connectors/define";
import { FatalError, RetryableError } from "@/lib/connectors/errors";
import { createHttpClient } from "@/lib/connectors/http";
import { createIdMapPort } from "@/lib/db/id-map";
import type { ActionNode } from "../graph";
import { requiredInputNames } from "../graph";
import { resolveInputs, type Scope } from "../mapping";
import { runtimeForConnection } from "../connector-runtime";
import { openStepSecrets } from "../step-secrets";
import type { ApiCallSummary } from "@/lib/connectors/errors";

export const DEFAULT_STEP_TIMEOUT_MS = 60_000;

export class MappingFailedError extends FatalError {
  readonly fields: { input: string; message: string }[];
  constructor(message: string, fields: { input: string; message: string }[]) {
    super(message);
    this.fields = fields;
  }
}

export type ActionResult = { input: unknown; output: unknown; calls: ApiCallSummary[] };

export async function resolveActionInput(node: ActionNode, operation: OperationDefinition, scope: Scope): Promise<unknown> {
  const required = new Set(requiredInputNames(operation.input));
  const optional = Object.keys(node.inputs).filter((name) => !required.has(name));
  // Secrets typed into the step are sealed in the graph: opened here, only for this call.
  // The step's timeout also bounds CPU-bound mappings (JSONata), not only the call.
  const timeoutMs = node.settings?.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const { values, errors } = await resolveInputs(openStepSecrets(node).inputs, scope, { optional, timeoutMs });
  if (errors.length) {
    throw new MappingFailedError(
      `Mapping failed: ${errors.map((e) => e.message).join("; ")}`,
      errors.map((e) => ({ input: e.input ?? e.path, message: e.message })),
    );
  }
  const parsed = operation.input.safeParse(values);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ input: i.path.join(".") || "(input)", message: i.message }));
    throw new MappingFailedError(`Input does not fit ${operation.label}: ${fields.map((f) => `${f.input}: ${f.message}`).join("; ")}`, fields);
  }
  return parsed.data;
}

export async function runAction(input: {
  node: ActionNode;
  operation: OperationDefinition;
  scope: Scope;
  idempotencyKey: string;
}): Promise<ActionResult> {
  const { node, operation } = input;
  const values = await resolveActionInput(node, operation, input.scope);
  const timeoutMs = node.settings?.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  let ctx: OperationContext;
  let calls: ApiCallSummary[] = [];
  if (operation.connector === "webhook") {
    // "Send to webhook" has no stored connection: it builds its own client per target URL.
    ctx = { http: createHttpClient({ baseUrl: "http://invalid.local" }), connection: { id: "none", accountId: null, scopes: [] }, idMap: createIdMapPort(), idempotencyKey: input.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) };
  } else {
    if (!node.connectionId) throw new FatalError(`"${node.label}" has no connection: pick a ${operation.connector} connection for it`);
    const runtime = await runtimeForConnection(node.connectionId, { timeoutMs });
    if (runtime.provider !== operation.connector) throw new FatalError(`"${node.label}" uses a ${runtime.provider} connection for a ${operation.connector} operation`);
    calls = runtime.http.calls;
    ctx = { http: runtime.http, connection: runtime.connection, idMap: createIdMapPort(), idempotencyKey: input.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) };
  }
  const raw = await Promise.race([
    operation.run(ctx, values),
    new Promise<never>((_, reject) => setTimeout(() => reject(new StepTimeoutError(timeoutMs)), timeoutMs).unref()),
  ]);
  const parsed = operation.output.safeParse(raw);
  // A response that does not fit our schema is still kept: the API answered, the write happened.
  return { input: values, output: parsed.success ? parsed.data : raw, calls };
}

export class StepTimeoutError extends RetryableError {
  constructor(ms: number) {
    super(`The step did not finish within ${Math.round(ms / 1000)} s`);
  }
}
