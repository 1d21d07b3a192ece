/** Every connector Bloombridge ships, listed explicitly (no import side effects). */
import { secretInputNames, type ConnectorDefinition, type OperationDefinition, type TriggerDefinition } from "./define";
import { detailsFlowersConnector } from "./details-flowers/connector";
import { ghlConnector } from "./ghl/connector";
import { createWebhookConnector } from "./webhook/connector";

// Private and loopback targets stay refused unless the operator allows them.
const webhookConnector = createWebhookConnector({
  guard: {
    allowPrivate: ["true", "1", "yes"].includes(process.env.BLOOMBRIDGE_WEBHOOK_ALLOW_PRIVATE ?? ""),
    allowHosts: (process.env.BLOOMBRIDGE_WEBHOOK_ALLOW_HOSTS ?? "").split(",").map((h) => h.trim()).filter(Boolean),
  },
});

export const CONNECTORS: readonly ConnectorDefinition[] = [ghlConnector, detailsFlowersConnector, webhookConnector];

const operations = new Map<string, OperationDefinition>(CONNECTORS.flatMap((c) => c.operations.map((op) => [op.key, op] as const)));
const triggers = new Map<string, TriggerDefinition>(CONNECTORS.flatMap((c) => c.triggers.map((t) => [t.key, t] as const)));

export function getOperation(key: string): OperationDefinition | undefined {
  return operations.get(key);
}

const secretInputs = new Map<string, ReadonlySet<string>>([...operations].map(([key, op]) => [key, new Set(secretInputNames(op.input))]));
const NONE: ReadonlySet<string> = new Set();

/** Input fields of an operation that are stored encrypted and shown masked (see `secretField`). */
export function secretInputsOf(operationKey: string): ReadonlySet<string> {
  return secretInputs.get(operationKey) ?? NONE;
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
