/**
 * The saved workflow graph, format version 1. A draft and every published version store
 * exactly this; older formats are upgraded by `migrateGraph` before anything reads them.
 */
import { z } from "zod";
import { mappingSchema, nodeIdSchema } from "../mapping/schema";
import { conditionSchema } from "./condition";

export const GRAPH_SCHEMA_VERSION = 1;

const nodeBase = {
  id: nodeIdSchema,
  label: z.string().describe("Name shown on the canvas"),
  position: z.object({ x: z.number(), y: z.number() }).describe("Canvas position"),
  notes: z.string().optional().describe("Free-form notes for the team"),
};

export const triggerNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal("trigger"),
  triggerKey: z.string().min(1).describe("Trigger key from the connector registry, e.g. ghl.contact.created"),
  connectionId: z.string().optional().describe("Connection the trigger listens on"),
  config: z.record(z.string(), z.unknown()).optional().describe("Trigger-specific settings"),
});

export const stepSettingsSchema = z.object({
  retries: z.number().int().min(0).max(10).optional().describe("Extra attempts after a retryable failure (default 9, spread over about 30 minutes)"),
  backoffMs: z.number().int().min(0).optional().describe("First retry delay; later retries back off exponentially"),
  timeoutMs: z.number().int().positive().optional().describe("Give up on one attempt after this long"),
  continueOnError: z.boolean().optional().describe("Keep going on the normal path when the step fails"),
});

export const actionNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal("action"),
  operationKey: z.string().min(1).describe("Operation key from the connector registry, e.g. ghl.contact.upsert"),
  connectionId: z.string().optional().describe("Connection the operation runs with"),
  inputs: z.record(z.string(), mappingSchema).describe("Operation input (path) → where its value comes from"),
  settings: stepSettingsSchema.optional(),
});

export const filterNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal("filter"),
  condition: conditionSchema.describe("The run continues only when this holds; otherwise it stops as succeeded"),
});

const handleIdSchema = z.string().regex(/^[A-Za-z0-9_-]+$/, "Case ids use letters, digits, '_' and '-'");

export const switchCaseSchema = z.object({
  id: handleIdSchema.describe("Output handle id, stable across edits"),
  label: z.string().describe("Name shown on the output"),
  condition: conditionSchema,
});

export const branchNodeSchema = z.discriminatedUnion("mode", [
  z.object({
    ...nodeBase,
    kind: z.literal("branch"),
    mode: z.literal("if"),
    condition: conditionSchema.describe('Chooses the "true" or "false" output'),
  }),
  z.object({
    ...nodeBase,
    kind: z.literal("branch"),
    mode: z.literal("switch"),
    cases: z.array(switchCaseSchema).describe("Checked in order; the first match wins, else the default output"),
  }),
]);

export const loopNodeSchema = z.object({
  ...nodeBase,
  kind: z.literal("loop"),
  items: mappingSchema.describe('The list to repeat over; the body reads @loopId.item and @loopId.index'),
  maxItems: z.number().int().positive().max(10_000).optional().describe("Fail the step when the list is longer"),
});

export const DELAY_UNITS = ["seconds", "minutes", "hours", "days"] as const;

export const delayNodeSchema = z.discriminatedUnion("mode", [
  z.object({
    ...nodeBase,
    kind: z.literal("delay"),
    mode: z.literal("duration"),
    amount: z.number().positive().describe("How long to wait"),
    unit: z.enum(DELAY_UNITS),
  }),
  z.object({
    ...nodeBase,
    kind: z.literal("delay"),
    mode: z.literal("until"),
    until: mappingSchema.describe("Wait until this date and time"),
    timeZone: z.string().optional().describe("IANA zone for dates written without one"),
  }),
]);

export const graphNodeSchema = z.discriminatedUnion("kind", [
  triggerNodeSchema,
  actionNodeSchema,
  filterNodeSchema,
  branchNodeSchema,
  loopNodeSchema,
  delayNodeSchema,
]);

export const graphEdgeSchema = z.object({
  id: z.string().min(1),
  source: nodeIdSchema,
  sourceHandle: z.string().optional().describe('Output of the source: "out" (default), "error", "true"/"false", case ids/"default", "each"/"done"'),
  target: nodeIdSchema,
});

export const workflowGraphSchema = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});

export type TriggerNode = z.infer<typeof triggerNodeSchema>;
export type ActionNode = z.infer<typeof actionNodeSchema>;
export type FilterNode = z.infer<typeof filterNodeSchema>;
export type BranchNode = z.infer<typeof branchNodeSchema>;
export type LoopNode = z.infer<typeof loopNodeSchema>;
export type DelayNode = z.infer<typeof delayNodeSchema>;
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type WorkflowGraph = z.infer<typeof workflowGraphSchema>;
export type StepSettings = z.infer<typeof stepSettingsSchema>;

/** The outputs a node offers; an edge's missing sourceHandle means "out". */
export function outputHandles(node: GraphNode): string[] {
  switch (node.kind) {
    case "trigger":
    case "filter":
    case "delay":
      return ["out"];
    case "action":
      return ["out", "error"];
    case "branch":
      return node.mode === "if" ? ["true", "false"] : [...node.cases.map((c) => c.id), "default"];
    case "loop":
      return ["each", "done"];
  }
}
