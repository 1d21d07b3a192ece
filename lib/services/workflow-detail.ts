/** Everything the workflow page shows: draft, versions, validation, steps in order. */
import { getOperation, getTrigger } from "@/lib/connectors/registry";
import { db } from "@/lib/db/client";
import { graphCatalog } from "@/lib/db/workflows";
import { migrateGraph, topologicalOrder, validateGraph, type GraphNode } from "@/lib/engine/graph";
import { maskGraphSecrets } from "@/lib/engine/step-secrets";
import { statusOf } from "./workflows";

export type StepSummary = { id: string; label: string; kind: GraphNode["kind"]; what: string; connectionLabel: string | null };

/**
 * What the editor page needs: the draft and the header's facts. Unlike `workflowDetail` it
 * neither validates (the editor does, in the browser) nor loads every version's graph.
 */
export async function workflowForEditor(id: string) {
  const workflow = await db().workflow.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      enabled: true,
      pausedReason: true,
      maxConcurrentRuns: true,
      draftGraph: true,
      publishedVersionId: true,
      publishedVersion: { select: { version: true } },
      _count: { select: { versions: true } },
    },
  });
  if (!workflow) return null;
  const { draftGraph, _count, ...rest } = workflow;
  return { workflow: { ...rest, versionCount: _count.versions }, graph: maskGraphSecrets(migrateGraph(draftGraph)), status: statusOf(workflow) };
}

export async function workflowDetail(id: string) {
  const workflow = await db().workflow.findUnique({ where: { id }, include: { versions: { orderBy: { version: "desc" } }, publishedVersion: true } });
  if (!workflow) return null;
  const stored = migrateGraph(workflow.draftGraph);
  const graph = maskGraphSecrets(stored);
  const validation = validateGraph(graph, graphCatalog());
  const connections = new Map((await db().connection.findMany({ select: { id: true, label: true } })).map((c) => [c.id, c.label]));
  let order: string[];
  try {
    order = topologicalOrder(graph);
  } catch {
    order = graph.nodes.map((n) => n.id);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const steps: StepSummary[] = order.flatMap((nodeId) => {
    const node = byId.get(nodeId);
    if (!node) return [];
    const what =
      node.kind === "trigger" ? (getTrigger(node.triggerKey)?.label ?? node.triggerKey)
      : node.kind === "action" ? (getOperation(node.operationKey)?.label ?? node.operationKey)
      : { filter: "Filter", branch: "Branch", loop: "For each", delay: "Delay" }[node.kind];
    const connectionId = node.kind === "action" || node.kind === "trigger" ? node.connectionId : undefined;
    return [{ id: node.id, label: node.label, kind: node.kind, what, connectionLabel: connectionId ? (connections.get(connectionId) ?? "missing connection") : null }];
  });
  const draftChanged = workflow.publishedVersion ? JSON.stringify(workflow.publishedVersion.graph) !== JSON.stringify(stored) : true;
  return { workflow, graph, validation, steps, status: statusOf(workflow), draftChanged };
}
