/**
 * "Test this step": runs one action of the (unsaved) draft for real, through its
 * connection, on the mapper's sample data. Writes happen, as in n8n and Zapier; the
 * ID map still applies, so testing twice updates instead of duplicating.
 */
import { randomUUID } from "node:crypto";
import { FatalError } from "@/lib/connectors/errors";
import { getOperation } from "@/lib/connectors/registry";
import { migrateGraph } from "../graph";
import type { Scope } from "../mapping";
import { runAction, type ActionResult } from "../run/step-action";

export async function testStep(input: { graph: unknown; nodeId: string; samples: Scope }): Promise<ActionResult> {
  const graph = migrateGraph(input.graph);
  const node = graph.nodes.find((n) => n.id === input.nodeId);
  if (!node) throw new FatalError(`There is no step "${input.nodeId}" in this workflow`);
  if (node.kind !== "action") throw new FatalError(`“${node.label}” is a ${node.kind} step; only actions can be tested on their own`);
  const operation = getOperation(node.operationKey);
  if (!operation) throw new FatalError(`“${node.label}” uses an unknown operation "${node.operationKey}"`);
  return runAction({ node, operation, scope: { ...input.samples }, idempotencyKey: `test:${randomUUID()}` });
}
