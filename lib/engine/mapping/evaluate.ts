/**
 * Evaluates mappings against node outputs. Pure apart from JSONata's async API: no I/O,
 * no clock. Missing references fail loudly unless the caller says the input is optional
 * or the pipeline can fill the gap (e.g. it ends in "default value").
 */
import { compileJsonata, evaluateJsonataBounded, ExpressionLimitError } from "./bounded-jsonata";
import { MappingError, TransformError } from "./errors";
import { lookupPath, parsePath, setPath, type PathSegment } from "./path";
import { mappingSchema, type Mapping, type PipelineMapping, type RefMapping, type Scope } from "./schema";
import { formatRef } from "./template";
import { getTransform } from "./transforms";

export type EvaluateOptions = {
  /** The input being filled, for error messages. */
  input?: string;
  /** Missing references give `undefined` instead of an error. */
  lenient?: boolean;
  /** The step's time limit: a JSONata expression stops after it (or the fixed budget, if shorter). */
  timeoutMs?: number;
};

export async function evaluateMapping(mapping: Mapping, scope: Scope, options: EvaluateOptions = {}): Promise<unknown> {
  switch (mapping.kind) {
    case "literal":
      return mapping.value;
    case "ref":
      return readRef(mapping, scope, options);
    case "template":
      return evaluateTemplate(mapping.parts, scope, options);
    case "pipeline":
      return evaluatePipeline(mapping, scope, options);
    case "jsonata":
      return evaluateJsonata(mapping.expression, scope, options);
  }
}

function readRef(mapping: RefMapping, scope: Scope, options: EvaluateOptions): unknown {
  const text = formatRef(mapping);
  const fail = (why: string) => {
    if (options.lenient) return undefined;
    throw new MappingError({ input: options.input, path: text, reason: `${text} is missing (${why})` });
  };
  if (!Object.prototype.hasOwnProperty.call(scope, mapping.node)) return fail(`step "${mapping.node}" has no output yet`);
  const { found, value } = lookupPath(scope[mapping.node], mapping.path);
  return found ? value : fail(`${mapping.node} has no field "${mapping.path}"`);
}

async function evaluateTemplate(parts: Array<string | RefMapping>, scope: Scope, options: EvaluateOptions): Promise<unknown> {
  // A lone reference keeps its type, so "{{ @trigger.contact.tags }}" still maps a list.
  if (parts.length === 1 && typeof parts[0] !== "string") return readRef(parts[0], scope, options);
  return parts.map((part) => (typeof part === "string" ? part : stringify(readRef(part, scope, options)))).join("");
}

export function stringify(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

async function evaluatePipeline(mapping: PipelineMapping, scope: Scope, options: EvaluateOptions): Promise<unknown> {
  const steps = mapping.transforms.map((step) => ({ step, definition: getTransform(step.transform) }));
  const path = mapping.source.kind === "ref" ? formatRef(mapping.source) : "";
  const fail = (reason: string) => new MappingError({ input: options.input, path, reason });
  const fillsGaps = steps.some(({ definition }) => definition?.acceptsEmpty);
  let value = await evaluateMapping(mapping.source, scope, { ...options, lenient: options.lenient || fillsGaps });
  for (const { step, definition } of steps) {
    if (!definition) throw fail(`unknown transform "${step.transform}"`);
    const raw: Record<string, unknown> = { ...step.params };
    for (const name of definition.mappingParams ?? []) {
      const param = mappingSchema.safeParse(raw[name]);
      if (param.success) raw[name] = await evaluateMapping(param.data, scope, options);
    }
    const params = definition.params.safeParse(raw);
    if (!params.success) {
      const issue = params.error.issues[0];
      throw fail(`transform "${definition.label}" has an invalid setting "${issue.path.join(".")}": ${issue.message}`);
    }
    if ((value === undefined || value === null) && !definition.acceptsEmpty) continue;
    try {
      value = definition.apply(value, params.data);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw fail(`transform "${definition.label}" ${error instanceof TransformError ? message : `failed: ${message}`}`);
    }
  }
  return value;
}

export { compileJsonata };

async function evaluateJsonata(expression: string, scope: Scope, options: EvaluateOptions): Promise<unknown> {
  try {
    const result = await evaluateJsonataBounded(expression, scope, options.timeoutMs);
    return Array.isArray(result) ? [...result] : result;
  } catch (error) {
    const message = error instanceof Error ? error.message : (error as { message?: string })?.message ?? String(error);
    const what = error instanceof ExpressionLimitError ? "JSONata expression stopped" : "JSONata expression failed";
    throw new MappingError({ input: options.input, path: "", reason: `${what}: ${message}` });
  }
}

export type ResolveOptions = {
  /** Inputs the operation does not require: a missing reference leaves them out instead of failing. */
  optional?: Iterable<string>;
  /** The step's time limit, for JSONata mappings (see EvaluateOptions). */
  timeoutMs?: number;
};

/**
 * Resolves every input and collects every error. Input keys may be paths
 * (`address.city`, `tags[0]`) to fill nested fields.
 */
export async function resolveInputs(
  inputs: Record<string, Mapping>,
  scope: Scope,
  options: ResolveOptions = {},
): Promise<{ values: Record<string, unknown>; errors: MappingError[] }> {
  const optional = new Set(options.optional ?? []);
  const results = await Promise.all(
    Object.entries(inputs).map(async ([input, mapping]) => {
      try {
        return { input, value: await evaluateMapping(mapping, scope, { input, lenient: optional.has(input), timeoutMs: options.timeoutMs }) };
      } catch (error) {
        const mappingError =
          error instanceof MappingError ? error.withInput(input) : new MappingError({ input, path: "", reason: String(error) });
        return { input, error: mappingError };
      }
    }),
  );
  let values: Record<string, unknown> = {};
  const errors: MappingError[] = [];
  for (const result of results) {
    if (result.error) errors.push(result.error);
    else if (result.value !== undefined) values = setPath(values, inputKeySegments(result.input), result.value) as Record<string, unknown>;
  }
  return { values, errors };
}

function inputKeySegments(key: string): PathSegment[] {
  try {
    const segments = parsePath(key);
    return segments.length > 0 ? segments : [key];
  } catch {
    return [key];
  }
}

/** The scope seen inside a loop body: `@loopId.item` and `@loopId.index`. */
export function loopScope(scope: Scope, loopNodeId: string, item: unknown, index: number): Scope {
  return { ...scope, [loopNodeId]: { item, index } };
}
