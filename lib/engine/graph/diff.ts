/**
 * What changed between two graphs, in words an operator can check before publishing:
 * steps added, removed, renamed or reconfigured, and connections rewired.
 */
import type { GraphEdge, GraphNode, WorkflowGraph } from "./schema";

export type GraphChange = { kind: "added" | "removed" | "changed" | "rewired"; nodeId?: string; message: string };

/** Fields that are layout, not behaviour: moving a node is not a change worth publishing. */
const LAYOUT_FIELDS = new Set(["position", "label", "notes"]);

function behaviour(node: GraphNode): string {
  const entries = Object.entries(node).filter(([key]) => !LAYOUT_FIELDS.has(key));
  return JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)));
}

function changedParts(before: GraphNode, after: GraphNode): string[] {
  const parts: string[] = [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  if (before.kind === "action" && after.kind === "action") {
    const names = new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)]);
    const inputs = [...names].filter((n) => JSON.stringify(before.inputs[n]) !== JSON.stringify(after.inputs[n]));
    if (inputs.length) parts.push(`${inputs.length === 1 ? "input" : "inputs"} ${inputs.join(", ")}`);
  }
  for (const key of ["operationKey", "triggerKey", "connectionId", "condition", "cases", "items", "maxItems", "settings", "mode", "amount", "unit", "until", "timeZone", "config"]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) parts.push(key === "connectionId" ? "connection" : key === "operationKey" || key === "triggerKey" ? "operation" : key);
  }
  return parts;
}

const edgeKey = (e: GraphEdge) => `${e.source}:${e.sourceHandle ?? "out"}→${e.target}`;

export function diffGraphs(before: WorkflowGraph | null, after: WorkflowGraph): GraphChange[] {
  const changes: GraphChange[] = [];
  const old = new Map((before?.nodes ?? []).map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  for (const node of after.nodes) {
    const previous = old.get(node.id);
    if (!previous) {
      changes.push({ kind: "added", nodeId: node.id, message: `Added “${node.label}”` });
      continue;
    }
    if (previous.label !== node.label) changes.push({ kind: "changed", nodeId: node.id, message: `Renamed “${previous.label}” to “${node.label}”` });
    if (behaviour(previous) !== behaviour(node)) {
      const parts = changedParts(previous, node);
      changes.push({ kind: "changed", nodeId: node.id, message: `Changed “${node.label}”${parts.length ? `: ${parts.join(", ")}` : ""}` });
    }
  }
  for (const node of before?.nodes ?? []) {
    if (!now.has(node.id)) changes.push({ kind: "removed", nodeId: node.id, message: `Removed “${node.label}”` });
  }
  const oldEdges = new Set((before?.edges ?? []).map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  const added = [...newEdges].filter((k) => !oldEdges.has(k)).length;
  const removed = [...oldEdges].filter((k) => !newEdges.has(k)).length;
  if (added || removed) {
    const plural = (n: number) => `${n} connection${n === 1 ? "" : "s"}`;
    const words = [added ? `${plural(added)} added` : "", removed ? `${plural(removed)} removed` : ""].filter(Boolean).join(", ");
    changes.push({ kind: "rewired", message: `Rewired: ${words}` });
  }
  return changes;
}
