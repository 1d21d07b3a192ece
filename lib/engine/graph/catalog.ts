/** What validation needs to know about operations and triggers, independent of the registry. */
import type { z } from "zod";
import type { OperationDefinition, TriggerDefinition } from "../../connectors/define";
import type { GraphNode } from "./schema";

/** `connector` set: the action runs through a stored connection of that connector ("webhook" needs none). */
export type CatalogOperation = { input: z.ZodType; output: z.ZodType; label: string; connector?: string };
export type CatalogTrigger = { payload: z.ZodType; label: string };

export interface GraphCatalog {
  getOperation(key: string): CatalogOperation | undefined;
  getTrigger(key: string): CatalogTrigger | undefined;
}

export function catalogFromDefinitions(definitions: {
  operations: readonly (Pick<OperationDefinition, "key" | "input" | "output" | "label"> & { connector?: string })[];
  triggers: readonly Pick<TriggerDefinition, "key" | "payload" | "label">[];
}): GraphCatalog {
  const operations = new Map(definitions.operations.map((op) => [op.key, op]));
  const triggers = new Map(definitions.triggers.map((t) => [t.key, t]));
  return { getOperation: (key) => operations.get(key), getTrigger: (key) => triggers.get(key) };
}

/** The catalog entry a node is an instance of (logic nodes: `logic.<kind>`). */
export function catalogKeyOf(node: GraphNode): string {
  switch (node.kind) {
    case "trigger":
      return node.triggerKey;
    case "action":
      return node.operationKey;
    default:
      return `logic.${node.kind}`;
  }
}
