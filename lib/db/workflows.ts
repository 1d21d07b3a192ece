/** Workflows: an autosaved draft graph, immutable published versions, enable / pause. */
import { z } from "zod";
import { getOperation, getTrigger } from "@/lib/connectors/registry";
import { catalogFromDefinitions, diffGraphs, GRAPH_SCHEMA_VERSION, migrateGraph, triggerOf, validateGraph, type WorkflowGraph } from "@/lib/engine/graph";
import type { Prisma } from "@/lib/generated/prisma/client";
import { workflowDescriptionField, workflowNameField } from "@/lib/engine/limits";
import { listOperations, listTriggers } from "@/lib/connectors/registry";
import { maskGraphSecrets, sealGraphSecrets } from "@/lib/engine/step-secrets";
import { db } from "./client";

export const EMPTY_GRAPH: WorkflowGraph = { schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [], edges: [] };

export class WorkflowInvalidError extends Error {
  constructor(readonly issues: { code: string; message: string; nodeId?: string; field?: string }[]) {
    super(`The workflow cannot be published: ${issues.map((i) => i.message).join("; ")}`);
  }
}

export function graphCatalog() {
  return catalogFromDefinitions({ operations: listOperations(), triggers: listTriggers() });
}

/** Writers take an optional `client`: the caller's transaction, so its audit row commits with the change. */
type Client = Prisma.TransactionClient;

export async function createWorkflow(input: { name: string; description?: string | null; graph?: unknown; createdById?: string | null }, client: Client = db()) {
  const graph = input.graph === undefined ? EMPTY_GRAPH : sealGraphSecrets(migrateGraph(input.graph), null);
  return client.workflow.create({
    data: { name: input.name, description: input.description ?? null, draftGraph: graph as unknown as Prisma.InputJsonValue, createdById: input.createdById ?? null },
  });
}

/** `graph` with its step secrets sealed; masks sent back keep what the stored draft holds there. */
export async function withStoredSecrets(id: string, graph: unknown, client: Client = db()): Promise<WorkflowGraph> {
  const parsed = migrateGraph(graph);
  const stored = await client.workflow.findUnique({ where: { id }, select: { draftGraph: true } });
  return sealGraphSecrets(parsed, stored ? migrateGraph(stored.draftGraph) : null);
}

export async function saveDraft(id: string, graph: unknown, client: Client = db()) {
  const parsed = await withStoredSecrets(id, graph, client);
  return client.workflow.update({ where: { id }, data: { draftGraph: parsed as unknown as Prisma.InputJsonValue, draftUpdatedAt: new Date() } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNull = (value: string | undefined) => (value && UUID.test(value) ? value : null);

/** Validates the draft, snapshots it as the next immutable version, and enables the workflow. */
export async function publishWorkflow(id: string, options: { note?: string; createdById?: string | null } = {}, client?: Client) {
  const workflow = await (client ?? db()).workflow.findUniqueOrThrow({ where: { id } });
  const graph = migrateGraph(workflow.draftGraph);
  const result = validateGraph(graph, graphCatalog());
  if (!result.ok) throw new WorkflowInvalidError(result.errors);
  const trigger = triggerOf(graph);
  if (!trigger || !getTrigger(trigger.triggerKey)) throw new WorkflowInvalidError([{ code: "no_trigger", message: "The workflow needs a trigger" }]);
  const write = async (tx: Client) => {
    const last = await tx.workflowVersion.aggregate({ where: { workflowId: id }, _max: { version: true } });
    const version = await tx.workflowVersion.create({
      data: { workflowId: id, version: (last._max.version ?? 0) + 1, graph: graph as unknown as Prisma.InputJsonValue, triggerKey: trigger.triggerKey, triggerConnectionId: uuidOrNull(trigger.connectionId), note: options.note ?? null, createdById: options.createdById ?? null },
    });
    await tx.workflow.update({ where: { id }, data: { publishedVersionId: version.id, enabled: true, pausedReason: null, consecutiveFailures: 0 } });
    return version;
  };
  return client ? write(client) : db().$transaction(write);
}

/** What publishing would do now: the problems that block it, or the changes since the live version. */
export async function publishPreview(id: string) {
  const workflow = await db().workflow.findUnique({ where: { id }, include: { publishedVersion: true } });
  if (!workflow) return null;
  const draft = migrateGraph(workflow.draftGraph);
  const validation = validateGraph(draft, graphCatalog());
  const live = workflow.publishedVersion ? migrateGraph(workflow.publishedVersion.graph) : null;
  return {
    errors: validation.errors.map((e) => ({ message: e.message, nodeId: e.nodeId })),
    changes: diffGraphs(live, draft),
    liveVersion: workflow.publishedVersion?.version ?? null,
  };
}

export async function setEnabled(id: string, enabled: boolean, reason?: string, client: Client = db()) {
  const workflow = await client.workflow.findUniqueOrThrow({ where: { id } });
  if (enabled && !workflow.publishedVersionId) throw new WorkflowInvalidError([{ code: "not_published", message: "Publish the workflow before enabling it" }]);
  return client.workflow.update({ where: { id }, data: { enabled, pausedReason: enabled ? null : (reason ?? "Paused by a user"), consecutiveFailures: enabled ? 0 : undefined } });
}

/** The draft becomes that version's graph and is published, in one transaction. */
export async function rollbackTo(id: string, versionNumber: number, createdById?: string | null, client?: Client) {
  const rollback = async (tx: Client) => {
    const version = await tx.workflowVersion.findUniqueOrThrow({ where: { workflowId_version: { workflowId: id, version: versionNumber } } });
    await saveDraft(id, version.graph, tx);
    return publishWorkflow(id, { note: `Rollback to version ${versionNumber}`, createdById }, tx);
  };
  return client ? rollback(client) : db().$transaction(rollback);
}

/** What an import accepts: the same name and description limits as creating a workflow. */
export const workflowExportSchema = z.object({
  format: z.literal("bloombridge.workflow"),
  schemaVersion: z.number().int(),
  name: workflowNameField,
  description: workflowDescriptionField.nullish(),
  graph: z.unknown(),
});

export async function exportWorkflow(id: string) {
  const workflow = await db().workflow.findUniqueOrThrow({ where: { id } });
  return { format: "bloombridge.workflow" as const, schemaVersion: GRAPH_SCHEMA_VERSION, name: workflow.name, description: workflow.description, graph: maskGraphSecrets(migrateGraph(workflow.draftGraph)) };
}

export async function importWorkflow(data: unknown, createdById?: string | null, client: Client = db()) {
  const parsed = workflowExportSchema.parse(data);
  return createWorkflow({ name: parsed.name, description: parsed.description, graph: parsed.graph, createdById }, client);
}

export function operationExists(key: string): boolean {
  return Boolean(getOperation(key));
}
