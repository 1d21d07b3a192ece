/** Small builders that keep the template graphs readable. */
import type { ActionNode, GraphEdge, TriggerNode } from "../graph";
import type { Mapping } from "../mapping";

export const ref = (node: string, path: string): Mapping => ({ kind: "ref", node, path });
export const text = (value: string): Mapping => ({ kind: "literal", value });
export const piped = (source: Mapping, ...transforms: { transform: string; params?: Record<string, unknown> }[]): Mapping => ({ kind: "pipeline", source, transforms });

export function trigger(triggerKey: string, label: string): TriggerNode {
  return { id: "trigger", kind: "trigger", label, triggerKey, position: { x: 0, y: 0 } };
}

export function action(id: string, operationKey: string, label: string, column: number, inputs: Record<string, Mapping>, row = 0): ActionNode {
  return { id, kind: "action", label, operationKey, inputs, position: { x: 280 * column, y: 140 * row } };
}

export function chain(...ids: string[]): GraphEdge[] {
  return ids.slice(1).map((target, i) => ({ id: `${ids[i]}-${target}`, source: ids[i], target }));
}

/** The Details Flowers client fields from a GHL contact (webhook payload or contact.get output). */
export function clientFromContact(node: string, base: string): Record<string, Mapping> {
  const at = (field: string) => ref(node, base ? `${base}.${field}` : field);
  return {
    ghlContactId: at("id"),
    firstName: at("firstName"),
    lastName: at("lastName"),
    fullName: piped(at("firstName"), { transform: "name.join", params: { last: at("lastName") } }),
    email: at("email"),
    phone: at("phone"),
    tags: at("tags"),
  };
}
