/** Installs a template as a new workflow draft, bound to the first active connection of each system. */
import { db } from "@/lib/db/client";
import { createWorkflow } from "@/lib/db/workflows";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getOperation, getTrigger } from "@/lib/connectors/registry";
import type { WorkflowGraph } from "../graph";
import { getTemplate } from "./recipes";

export class TemplateError extends Error {
  /** The request field at fault, when there is one (e.g. `connections.ghl`). */
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

export async function installTemplate(key: string, options: { connections?: Partial<Record<string, string>>; createdById?: string | null; name?: string } = {}, client?: Prisma.TransactionClient) {
  const template = getTemplate(key);
  if (!template) throw new TemplateError(`No template called "${key}"`);
  await checkChosenConnections(options.connections ?? {});
  const graph = bindConnections(template.graph, { ...(await defaultConnections()), ...options.connections });
  return createWorkflow({ name: options.name ?? template.name, description: template.description, graph, createdById: options.createdById }, client);
}

/** Points every trigger and action at the chosen connection of its connector (by connector key). */
export function bindConnections(graph: WorkflowGraph, chosen: Partial<Record<string, string>>): WorkflowGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      const connector = node.kind === "action" ? getOperation(node.operationKey)?.connector : node.kind === "trigger" ? getTrigger(node.triggerKey)?.connector : undefined;
      const connectionId = connector ? chosen[connector] : undefined;
      return connectionId && (node.kind === "action" || node.kind === "trigger") ? { ...node, connectionId } : node;
    }),
  };
}

/** A chosen connection must exist and belong to the system it is chosen for. */
async function checkChosenConnections(chosen: Partial<Record<string, string>>): Promise<void> {
  for (const [connector, id] of Object.entries(chosen)) {
    if (!id) continue;
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await db().connection.findUnique({ where: { id }, select: { provider: true } }) : null;
    if (!row) throw new TemplateError(`No connection with id "${id}"`, `connections.${connector}`);
    if (row.provider !== connector) throw new TemplateError(`Connection "${id}" is a ${row.provider} connection, not ${connector}`, `connections.${connector}`);
  }
}

async function defaultConnections(): Promise<Record<string, string>> {
  const rows = await db().connection.findMany({ where: { status: "active" }, orderBy: { createdAt: "asc" } });
  const byProvider: Record<string, string> = {};
  for (const row of rows) byProvider[row.provider] ??= row.id;
  return byProvider;
}
