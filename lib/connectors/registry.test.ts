import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONNECTORS, listOperations, listTriggers, triggerKeysForEvent } from "./registry";

describe("connector registry", () => {
  it("has unique operation and trigger keys, namespaced by connector", () => {
    const keys = [...listOperations().map((o) => o.key), ...listTriggers().map((t) => t.key)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of CONNECTORS) for (const item of [...c.operations, ...c.triggers]) expect(item.key.startsWith(`${c.key}.`)).toBe(true);
  });

  it.each(listTriggers().map((t) => [t.key, t] as const))("trigger %s: payload converts to JSON Schema and its sample parses", (_, trigger) => {
    expect(() => z.toJSONSchema(trigger.payload, { io: "output", unrepresentable: "any" })).not.toThrow();
    expect(trigger.payload.safeParse(trigger.sample).success).toBe(true);
    expect(trigger.delivery === "polling" ? typeof trigger.poll : "function").toBe("function");
  });

  it.each(listOperations().map((o) => [o.key, o] as const))("operation %s: schemas convert to JSON Schema", (_, op) => {
    expect(() => z.toJSONSchema(op.input, { io: "input", unrepresentable: "any" })).not.toThrow();
    expect(() => z.toJSONSchema(op.output, { io: "output", unrepresentable: "any" })).not.toThrow();
    expect(op.description.length).toBeGreaterThan(10);
  });

  it("routes vendor event types to trigger keys", () => {
    expect(triggerKeysForEvent("ghl", "ContactCreate")).toEqual(["ghl.contact.created"]);
    expect(triggerKeysForEvent("details-flowers", "task.completed")).toEqual(["details-flowers.task.changed"]);
    expect(triggerKeysForEvent("details-flowers", "order.status_changed")).toEqual(["details-flowers.order.status-changed"]);
  });
});
