/** Every connector Bloombridge ships, listed explicitly (no import side effects). */
import type { ConnectorDefinition, OperationDefinition, TriggerDefinition } from "./define";
import { dfAuth } from "./details-flowers/auth";
import { dfOperationList } from "./details-flowers/operations";
import { ghlConnector } from "./ghl/connector";
import { webhookConnector } from "./webhook/connector";

// Details Flowers' operations; its triggers join when its connector definition lands.
const detailsFlowersActions: ConnectorDefinition = {
  key: "details-flowers",
  label: "Details Flowers",
  description: "Clients, events, tasks, notes and appointments in Details Flowers (Bloombridge's assumed contract).",
  auth: dfAuth,
  operations: dfOperationList,
  triggers: [],
};

export const CONNECTORS: readonly ConnectorDefinition[] = [ghlConnector, detailsFlowersActions, webhookConnector];

const operations = new Map<string, OperationDefinition>(CONNECTORS.flatMap((c) => c.operations.map((op) => [op.key, op] as const)));
const triggers = new Map<string, TriggerDefinition>(CONNECTORS.flatMap((c) => c.triggers.map((t) => [t.key, t] as const)));

export function getOperation(key: string): OperationDefinition | undefined {
  return operations.get(key);
}

export function getTrigger(key: string): TriggerDefinition | undefined {
  return triggers.get(key);
}

export function listOperations(): OperationDefinition[] {
  return [...operations.values()];
}

export function listTriggers(): TriggerDefinition[] {
  return [...triggers.values()];
}

/** Trigger keys that fire for a vendor event type (webhook delivery) or are the key itself (polling). */
export function triggerKeysForEvent(source: string, eventType: string): string[] {
  return listTriggers()
    .filter((t) => t.connector === source && (t.key === eventType || t.eventTypes?.includes(eventType)))
    .map((t) => t.key);
}
