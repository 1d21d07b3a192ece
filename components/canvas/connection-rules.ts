/**
 * Which edges may be drawn, checked while the user drags a connection so an invalid one
 * never lands. Deeper checks (loop bodies, references) stay with `validateGraph`.
 */
import { outputHandles, type WorkflowGraph } from "@/lib/engine/graph";

export type ConnectionAttempt = { source: string | null; target: string | null; sourceHandle?: string | null };

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

export function checkConnection(graph: WorkflowGraph, attempt: ConnectionAttempt): ConnectionVerdict {
  const source = graph.nodes.find((n) => n.id === attempt.source);
  const target = graph.nodes.find((n) => n.id === attempt.target);
  if (!source || !target) return { ok: false, reason: "Both ends must be steps" };
  if (source.id === target.id) return { ok: false, reason: "A step cannot connect to itself" };
  if (target.kind === "trigger") return { ok: false, reason: "Nothing can run before the trigger" };
  const handle = attempt.sourceHandle ?? "out";
  if (!outputHandles(source).includes(handle)) return { ok: false, reason: `"${source.label}" has no output "${handle}"` };
  const duplicate = graph.edges.some((e) => e.source === source.id && (e.sourceHandle ?? "out") === handle && e.target === target.id);
  if (duplicate) return { ok: false, reason: "These steps are already connected" };
  if (reaches(graph, target.id, source.id)) return { ok: false, reason: "This connection would create a loop back" };
  return { ok: true };
}

/** Is `to` reachable from `from` along existing edges? */
function reaches(graph: WorkflowGraph, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

/** The only rule about adding nodes: a workflow has exactly one trigger. */
export function canAddTrigger(graph: WorkflowGraph): boolean {
  return !graph.nodes.some((n) => n.kind === "trigger");
}
