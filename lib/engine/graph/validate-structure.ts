/** Shape-of-the-graph checks: ids, the trigger, edges and their handles, cycles, reachability, loops. */
import type { IssueCollector } from "./issues";
import { outputHandles, type WorkflowGraph } from "./schema";
import { downstreamOf, findCycles, handleOf, indexGraph, upstreamOf } from "./topology";

export function checkStructure(graph: WorkflowGraph, issues: IssueCollector, name: (id: string) => string): { acyclic: boolean } {
  const { nodes } = indexGraph(graph);
  checkDuplicates(graph, issues);

  const triggers = graph.nodes.filter((n) => n.kind === "trigger");
  if (triggers.length === 0) issues.error("trigger_count", "Add a trigger: every workflow starts with exactly one");
  for (const extra of triggers.slice(1)) {
    issues.error("trigger_count", `"${name(extra.id)}" is a second trigger; a workflow has exactly one`, { nodeId: extra.id });
  }

  for (const edge of graph.edges) {
    const where = { edgeId: edge.id };
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = [!source && `source "${edge.source}"`, !target && `target "${edge.target}"`].filter(Boolean).join(" and ");
      issues.error("dangling_edge", `A connection points at a step that does not exist (${missing})`, where);
      continue;
    }
    if (target.kind === "trigger") {
      issues.error("edge_into_trigger", `"${name(source.id)}" connects into the trigger; nothing can lead into a trigger`, where);
    }
    const handles = outputHandles(source);
    if (source.kind === "branch" && edge.sourceHandle === undefined) {
      issues.error("unlabelled_branch_output", `A connection from "${name(source.id)}" does not say which output it leaves from (${handles.join(", ")})`, {
        ...where,
        nodeId: source.id,
      });
    } else if (!handles.includes(handleOf(edge))) {
      issues.error(
        "invalid_source_handle",
        `"${name(source.id)}" has no output "${handleOf(edge)}"; its outputs are ${handles.map((h) => `"${h}"`).join(", ")}`,
        { ...where, nodeId: source.id },
      );
    }
  }

  for (const node of graph.nodes) {
    if (node.kind !== "branch" || node.mode !== "switch") continue;
    node.cases.forEach((c, i) => {
      if (c.label.trim() === "") {
        issues.error("unlabelled_branch_output", `Case ${i + 1} of "${name(node.id)}" needs a label`, { nodeId: node.id, field: `cases[${i}].label` });
      }
    });
  }

  const cycles = findCycles(graph);
  for (const cycle of cycles) {
    const members = new Set(cycle);
    // The edge back into the first step of the cycle is the one a user most likely drew last.
    const edge =
      graph.edges.find((e) => members.has(e.source) && e.target === cycle[0]) ??
      graph.edges.find((e) => members.has(e.source) && members.has(e.target));
    issues.error("cycle", `Steps ${cycle.map((id) => `"${name(id)}"`).join(" → ")} lead back to themselves; use a loop step to repeat`, {
      nodeId: cycle[0],
      edgeId: edge?.id,
    });
  }

  if (triggers.length === 1) {
    const reachable = downstreamOf(graph, triggers[0].id);
    for (const node of graph.nodes) {
      if (node.kind !== "trigger" && !reachable.has(node.id)) {
        issues.error("unreachable_node", `"${name(node.id)}" is not connected to the trigger, so it never runs`, { nodeId: node.id });
      }
    }
  }

  checkLoopBodies(graph, issues, name);
  return { acyclic: cycles.length === 0 };
}

function checkDuplicates(graph: WorkflowGraph, issues: IssueCollector): void {
  const seen = new Set<string>();
  for (const node of graph.nodes) {
    if (seen.has(node.id)) issues.error("duplicate_id", `Two steps share the id "${node.id}"`, { nodeId: node.id });
    seen.add(node.id);
    if (node.kind === "branch" && node.mode === "switch") {
      const cases = new Set<string>();
      node.cases.forEach((c, i) => {
        if (cases.has(c.id) || c.id === "default") {
          issues.error("duplicate_id", `Case id "${c.id}" is used twice or is reserved`, { nodeId: node.id, field: `cases[${i}].id` });
        }
        cases.add(c.id);
      });
    }
  }
  const edges = new Set<string>();
  for (const edge of graph.edges) {
    if (edges.has(edge.id)) issues.error("duplicate_id", `Two connections share the id "${edge.id}"`, { edgeId: edge.id });
    edges.add(edge.id);
  }
}

/** A loop body is entered only through the loop's "each" output; it never joins the rest of the graph. */
function checkLoopBodies(graph: WorkflowGraph, issues: IssueCollector, name: (id: string) => string): void {
  const { incoming } = indexGraph(graph);
  for (const loop of graph.nodes) {
    if (loop.kind !== "loop") continue;
    const body = downstreamOf(graph, loop.id, "each");
    if (body.has(loop.id)) continue;
    const before = upstreamOf(graph, loop.id);
    for (const id of body) {
      for (const edge of incoming.get(id) ?? []) {
        const inside = body.has(edge.source) || (edge.source === loop.id && handleOf(edge) === "each");
        if (inside || before.has(id)) continue;
        issues.error(
          "loop_body_leak",
          `"${name(id)}" is inside the "${name(loop.id)}" loop but is also reached from "${name(edge.source)}" outside it; the loop's "done" path must lead to separate steps`,
          { nodeId: id, edgeId: edge.id },
        );
      }
    }
  }
}
