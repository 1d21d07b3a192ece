/** The real catalog as the page would pass it, built from the connector definitions. */
import { z } from "zod";
import type { ConnectorDefinition } from "@/lib/connectors/define";
import { detailsFlowersConnector } from "@/lib/connectors/details-flowers/connector";
import { ghlConnector } from "@/lib/connectors/ghl/connector";
import { webhookConnector } from "@/lib/connectors/webhook/connector";
import type { JsonSchema } from "@/lib/engine/graph";
import type { CatalogEntry } from "./types";

const json = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;

export const CONNECTORS_UNDER_TEST: ConnectorDefinition[] = [ghlConnector, detailsFlowersConnector, webhookConnector];

export const LOGIC_ENTRIES: CatalogEntry[] = ["filter", "branch", "loop", "delay"].map((kind) => ({
  key: `logic.${kind}`,
  kind: "logic",
  connector: "logic",
  resource: "flow",
  label: kind.charAt(0).toUpperCase() + kind.slice(1),
  description: `${kind} node`,
  inputSchema: {},
  outputSchema: {},
}));

export function realCatalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const connector of CONNECTORS_UNDER_TEST) {
    for (const trigger of connector.triggers) {
      entries.push({
        key: trigger.key,
        kind: "trigger",
        connector: trigger.connector,
        resource: trigger.resource,
        label: trigger.label,
        description: trigger.description,
        inputSchema: {},
        outputSchema: json(trigger.payload, "output"),
        sample: trigger.sample,
      });
    }
    for (const op of connector.operations) {
      entries.push({
        key: op.key,
        kind: "action",
        connector: op.connector,
        resource: op.resource,
        label: op.label,
        description: op.description,
        ...(op.deprecated ? { deprecated: op.deprecated } : {}),
        inputSchema: json(op.input, "input"),
        outputSchema: json(op.output, "output"),
        sample: op.example?.output,
      });
    }
  }
  return [...entries, ...LOGIC_ENTRIES];
}
