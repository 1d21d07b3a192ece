/** A small catalog and node builders for graph tests. */
import { z } from "zod";
import type { Mapping } from "../mapping/schema";
import { catalogFromDefinitions } from "./catalog";
import type { ConditionGroup } from "./condition";
import type { GraphEdge, GraphNode, WorkflowGraph } from "./schema";

const contact = z.object({
  id: z.string(),
  email: z.string().nullable(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phone: z.string().nullable(),
  tags: z.array(z.string()),
  address: z.object({ city: z.string() }).optional(),
});

export const catalog = catalogFromDefinitions({
  triggers: [
    {
      key: "ghl.contact.created",
      label: "Contact created",
      payload: z.object({ contact, tasks: z.array(z.object({ title: z.string(), completed: z.boolean() })) }),
    },
  ],
  operations: [
    {
      key: "df.client.upsert",
      label: "Upsert client",
      input: z.object({
        email: z.string(),
        name: z.string(),
        phone: z.string().optional(),
        address: z.object({ city: z.string(), zip: z.string() }).optional(),
        source: z.string().default("ghl"),
        tags: z.array(z.string()).optional(),
      }),
      output: z.object({ id: z.string(), created: z.boolean() }),
    },
    {
      key: "df.task.create",
      label: "Create task",
      input: z.object({ clientId: z.string(), title: z.string(), done: z.boolean().optional() }),
      output: z.object({ id: z.string() }),
    },
  ],
});

const at = { x: 0, y: 0 };

export const trigger = (id = "trigger"): GraphNode => ({ id, label: "New contact", position: at, kind: "trigger", triggerKey: "ghl.contact.created" });

export const action = (id: string, operationKey: string, inputs: Record<string, Mapping>, label = id): GraphNode => ({
  id,
  label,
  position: at,
  kind: "action",
  operationKey,
  inputs,
});

export const upsert = (id: string, inputs: Record<string, Mapping> = {}): GraphNode =>
  action(id, "df.client.upsert", { email: lit("a@b.c"), name: lit("A"), ...inputs });

export const filter = (id: string, condition: ConditionGroup): GraphNode => ({ id, label: id, position: at, kind: "filter", condition });

export const ifBranch = (id: string, condition: ConditionGroup): GraphNode => ({ id, label: id, position: at, kind: "branch", mode: "if", condition });

export const loop = (id: string, items: Mapping): GraphNode => ({ id, label: id, position: at, kind: "loop", items });

export const lit = (value: unknown): Mapping => ({ kind: "literal", value });

let edgeCounter = 0;
export const edge = (source: string, target: string, sourceHandle?: string, id = `e${++edgeCounter}`): GraphEdge => ({
  id,
  source,
  target,
  ...(sourceHandle ? { sourceHandle } : {}),
});

/** Chains nodes with default edges: graph(trigger(), a, b) → trigger → a → b. */
export function chain(...nodes: GraphNode[]): WorkflowGraph {
  return { schemaVersion: 1, nodes, edges: nodes.slice(1).map((n, i) => edge(nodes[i].id, n.id)) };
}

/** Trigger → a Send to webhook step "send" with these inputs (and step settings). */
export function webhookGraph(inputs: Record<string, Mapping>, options: { label?: string; timeoutMs?: number } = {}): WorkflowGraph {
  const settings = options.timeoutMs ? { settings: { timeoutMs: options.timeoutMs } } : {};
  const send: GraphNode = { id: "send", label: options.label ?? "Send", position: at, kind: "action", operationKey: "webhook.send", inputs, ...settings };
  return chain(trigger(), send);
}
