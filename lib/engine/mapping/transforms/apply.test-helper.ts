import { getTransform } from "./index";

/** Applies a registered transform the way the evaluator does: params parsed by its schema. */
export function run(key: string, value: unknown, params: Record<string, unknown> = {}): unknown {
  const definition = getTransform(key);
  if (!definition) throw new Error(`no transform ${key}`);
  return definition.apply(value, definition.params.parse(params));
}
