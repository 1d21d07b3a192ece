/** A generated workflow of `size` nodes for the canvas benchmark: a trigger, then rows of steps with branches. */
import type { GraphEdge, GraphNode, WorkflowGraph } from "@/lib/engine/graph";
import { ref } from "@/lib/engine/mapping";

export function bigGraph(size: number): WorkflowGraph {
  const nodes: GraphNode[] = [{ id: "trigger", kind: "trigger", label: "Contact created", position: { x: 0, y: 0 }, triggerKey: "ghl.contact.created" }];
  const edges: GraphEdge[] = [];
  const perRow = 20;
  for (let i = 1; i < size; i++) {
    const id = `n${i}`;
    const position = { x: (i % perRow) * 320, y: Math.floor(i / perRow) * 180 };
    const prev = i === 1 ? "trigger" : `n${i - 1}`;
    if (i % 7 === 0) {
      nodes.push({ id, kind: "filter", label: `Only with email ${i}`, position, condition: { all: [{ op: "is_not_empty", left: ref("trigger", "email") }] } });
    } else {
      nodes.push({
        id,
        kind: "action",
        label: `Upsert client ${i}`,
        position,
        operationKey: "details-flowers.client.upsert",
        inputs: { email: ref("trigger", "email"), firstName: ref("trigger", "firstName"), ghlContactId: ref("trigger", "id") },
      });
    }
    edges.push({ id: `e${i}`, source: prev, target: id });
  }
  return { schemaVersion: 1, nodes, edges };
}
