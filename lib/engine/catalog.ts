/**
 * The catalog: every trigger, action and logic node described as plain data with JSON
 * Schema, generated from the registry's zod schemas (never a second field list). The public
 * API's /catalog and the Catalog pages both read these entries.
 */
import { z } from "zod";
import { CONNECTORS, listOperations, listTriggers } from "@/lib/connectors/registry";
import type { OperationDefinition, TriggerDefinition } from "@/lib/connectors/define";
import { branchNodeSchema, delayNodeSchema, filterNodeSchema, loopNodeSchema, toJsonSchema, type JsonSchema } from "./graph";

export type CatalogKind = "trigger" | "action" | "logic";

export type CatalogEntry = {
  key: string;
  kind: CatalogKind;
  /** `ghl`, `details-flowers`, `webhook`, or `logic` for the built-in nodes. */
  connector: string;
  resource: string;
  label: string;
  description: string;
  scopes: string[];
  deprecated?: { reason: string; useInstead?: string };
  /** Triggers only: pushed by webhook or fetched on a schedule. */
  delivery?: "webhook" | "polling";
  /** Actions only: whether running it changes data, and in which system (its connector's label). */
  effect?: "read" | "write";
  system?: string;
  /** What the step takes (actions, logic node settings); empty for triggers. */
  inputSchema: JsonSchema;
  /** What the step produces: an action's result, a trigger's payload. */
  outputSchema: JsonSchema;
  /** A realistic input/output pair (actions) or payload (triggers), when the definition has one. */
  example?: { input?: unknown; output?: unknown };
  /** Set on the editor's lean entries: schemas and example were left out; `catalogEntry` has them. */
  schemasOmitted?: true;
};

/** Node fields that are canvas bookkeeping, not configuration. */
const NODE_BOOKKEEPING = { id: true, label: true, position: true, notes: true, kind: true } as const;

const LOGIC_ENTRIES: readonly Omit<CatalogEntry, "connector" | "kind" | "scopes">[] = [
  {
    key: "logic.filter",
    resource: "flow",
    label: "Filter",
    description: "Continues the run only when the condition holds; otherwise the run stops as succeeded.",
    inputSchema: toJsonSchema(filterNodeSchema.omit(NODE_BOOKKEEPING), "input"),
    outputSchema: {},
  },
  {
    key: "logic.branch",
    resource: "flow",
    label: "Branch",
    description: 'Chooses one path: "if" sends the run to the true or false output; "switch" to the first matching case, else the default.',
    inputSchema: toJsonSchema(z.union([branchNodeSchema.options[0].omit(NODE_BOOKKEEPING), branchNodeSchema.options[1].omit(NODE_BOOKKEEPING)]), "input"),
    outputSchema: {},
  },
  {
    key: "logic.loop",
    resource: "flow",
    label: "Loop",
    description: "Repeats its body once per item of a list; the body reads @loopId.item and @loopId.index.",
    inputSchema: toJsonSchema(loopNodeSchema.omit(NODE_BOOKKEEPING), "input"),
    outputSchema: toJsonSchema(
      z.object({ item: z.unknown().describe("The current item"), index: z.number().int().describe("Its position, from 0") }),
      "output",
    ),
  },
  {
    key: "logic.delay",
    resource: "flow",
    label: "Delay",
    description: "Waits for a duration or until a date and time, then continues; the run is parked, not holding a worker.",
    inputSchema: toJsonSchema(z.union([delayNodeSchema.options[0].omit(NODE_BOOKKEEPING), delayNodeSchema.options[1].omit(NODE_BOOKKEEPING)]), "input"),
    outputSchema: {},
  },
];

function triggerEntry(trigger: TriggerDefinition): CatalogEntry {
  return {
    key: trigger.key,
    kind: "trigger",
    connector: trigger.connector,
    resource: trigger.resource,
    label: trigger.label,
    description: trigger.description,
    scopes: [...trigger.scopes],
    delivery: trigger.delivery,
    inputSchema: {},
    outputSchema: toJsonSchema(trigger.payload, "output"),
    example: { output: trigger.sample },
  };
}

function actionEntry(operation: OperationDefinition): CatalogEntry {
  return {
    key: operation.key,
    kind: "action",
    connector: operation.connector,
    resource: operation.resource,
    label: operation.label,
    description: operation.description,
    effect: operation.effect,
    system: CONNECTORS.find((c) => c.key === operation.connector)?.label ?? operation.connector,
    scopes: [...operation.scopes],
    ...(operation.deprecated ? { deprecated: { ...operation.deprecated } } : {}),
    inputSchema: toJsonSchema(operation.input, "input"),
    outputSchema: toJsonSchema(operation.output, "output"),
    ...(operation.example ? { example: { input: operation.example.input, output: operation.example.output } } : {}),
  };
}

let cached: { list: CatalogEntry[]; byKey: Map<string, CatalogEntry> } | undefined;

function build() {
  const list = [
    ...listTriggers().map(triggerEntry),
    ...listOperations().map(actionEntry),
    ...LOGIC_ENTRIES.map((entry): CatalogEntry => ({ ...entry, kind: "logic", connector: "logic", scopes: [] })),
  ];
  return { list, byKey: new Map(list.map((entry) => [entry.key, entry])) };
}

/** Every trigger, action and logic node, in registry order. */
export function catalogEntries(): CatalogEntry[] {
  cached ??= build();
  return cached.list;
}

export function catalogEntry(key: string): CatalogEntry | undefined {
  cached ??= build();
  return cached.byKey.get(key);
}

/**
 * The catalog as the editor page sends it: full entries for the steps `usedKeys` names,
 * the rest without schemas or example (most of the catalog's size). The palette needs only
 * labels; the editor loads a full entry when a step of that kind enters the graph.
 */
export function editorCatalog(usedKeys: Iterable<string>): CatalogEntry[] {
  const used = new Set(usedKeys);
  return catalogEntries().map((entry) => {
    if (used.has(entry.key)) return entry;
    const { example: _example, ...rest } = entry;
    return { ...rest, inputSchema: {}, outputSchema: {}, schemasOmitted: true };
  });
}

export type ConnectorCount = { connector: string; label: string; triggers: number; actions: number; logic: number };

/** How many triggers, actions and logic nodes each connector offers. */
export function catalogCounts(): ConnectorCount[] {
  const labels = new Map<string, string>([...CONNECTORS.map((c) => [c.key, c.label] as const), ["logic", "Logic"]]);
  const counts = new Map<string, ConnectorCount>();
  for (const entry of catalogEntries()) {
    const count = counts.get(entry.connector) ?? { connector: entry.connector, label: labels.get(entry.connector) ?? entry.connector, triggers: 0, actions: 0, logic: 0 };
    if (entry.kind === "trigger") count.triggers++;
    else if (entry.kind === "action") count.actions++;
    else count.logic++;
    counts.set(entry.connector, count);
  }
  return [...counts.values()];
}
