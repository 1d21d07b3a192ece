/** Static analysis of mappings for validation: which nodes and paths a mapping reads. */
import { compileJsonata } from "./evaluate";
import { mappingSchema, type Mapping, type RefMapping } from "./schema";

/** Every `{{ @node.path }}` reference, including those inside transform parameters. */
export function collectRefs(mapping: Mapping): RefMapping[] {
  switch (mapping.kind) {
    case "literal":
    case "jsonata":
      return [];
    case "ref":
      return [mapping];
    case "template":
      return mapping.parts.filter((part): part is RefMapping => typeof part !== "string");
    case "pipeline":
      return [
        ...collectRefs(mapping.source),
        ...mapping.transforms.flatMap((step) =>
          Object.values(step.params ?? {}).flatMap((param) => {
            const parsed = mappingSchema.safeParse(param);
            return parsed.success ? collectRefs(parsed.data) : [];
          }),
        ),
      ];
  }
}

/** JSONata expressions nested anywhere in the mapping. */
export function collectJsonata(mapping: Mapping): string[] {
  if (mapping.kind === "jsonata") return [mapping.expression];
  if (mapping.kind === "pipeline") return collectJsonata(mapping.source);
  return [];
}

/**
 * Node ids a mapping reads. For JSONata, the first name of each path counts; pass the
 * graph's node ids to drop names that are plain fields.
 */
export function referencedNodes(mapping: Mapping, knownNodeIds?: Iterable<string>): string[] {
  const ids = new Set(collectRefs(mapping).map((r) => r.node));
  const known = knownNodeIds ? new Set(knownNodeIds) : undefined;
  for (const expression of collectJsonata(mapping)) {
    let names: string[] = [];
    try {
      names = jsonataRootNames(expression);
    } catch {
      // A syntax error reads nothing; validation reports it as invalid_mapping.
    }
    for (const name of names) if (!known || known.has(name)) ids.add(name);
  }
  return [...ids];
}

/** Names that start paths in a JSONata expression; throws on a syntax error. */
export function jsonataRootNames(expression: string): string[] {
  const names = new Set<string>();
  walk(compileJsonata(expression).ast(), false);
  return [...names];

  function walk(node: unknown, tail: boolean): void {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, false));
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (record.type === "name" && !tail && typeof record.value === "string") names.add(record.value);
    if (record.type === "path" && Array.isArray(record.steps)) {
      record.steps.forEach((step, index) => walk(step, index > 0));
    }
    for (const [key, child] of Object.entries(record)) {
      if (key !== "steps" && child !== null && typeof child === "object") walk(child, false);
    }
  }
}
