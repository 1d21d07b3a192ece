import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listOperations, listTriggers } from "@/lib/connectors/registry";
import { catalogCounts, catalogEntries, catalogEntry, editorCatalog } from "./catalog";

describe("catalog", () => {
  it("lists every registry operation and trigger plus the four logic nodes, with unique keys", () => {
    const keys = catalogEntries().map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const op of listOperations()) expect(catalogEntry(op.key)?.kind).toBe("action");
    for (const trigger of listTriggers()) expect(catalogEntry(trigger.key)?.kind).toBe("trigger");
    expect(catalogEntries().filter((e) => e.kind === "logic").map((e) => e.key)).toEqual(["logic.filter", "logic.branch", "logic.loop", "logic.delay"]);
    expect(keys.length).toBe(listOperations().length + listTriggers().length + 4);
  });

  it.each(listOperations().map((op) => [op.key, op] as const))("%s: input and output convert to JSON Schema", (key, op) => {
    expect(() => z.toJSONSchema(op.input, { io: "input", unrepresentable: "any" })).not.toThrow();
    expect(() => z.toJSONSchema(op.output, { io: "output", unrepresentable: "any" })).not.toThrow();
    const entry = catalogEntry(key);
    expect(entry?.inputSchema.type).toBe("object");
    expect(entry?.description.length).toBeGreaterThan(10);
  });

  it("describes triggers by their payload and delivery, with the sample as example", () => {
    for (const trigger of listTriggers()) {
      const entry = catalogEntry(trigger.key);
      expect(entry?.delivery).toBe(trigger.delivery);
      expect(entry?.outputSchema).not.toEqual({});
      expect(entry?.example?.output).toEqual(trigger.sample);
    }
  });

  it("carries deprecation notices with their replacement", () => {
    for (const op of listOperations().filter((o) => o.deprecated)) expect(catalogEntry(op.key)?.deprecated).toEqual(op.deprecated);
    expect(listOperations().some((o) => o.deprecated)).toBe(true);
  });

  it("gives the logic nodes their settings as JSON Schema", () => {
    expect(catalogEntry("logic.loop")?.inputSchema.properties).toHaveProperty("items");
    expect(catalogEntry("logic.delay")?.inputSchema.anyOf).toHaveLength(2);
    expect(catalogEntry("logic.filter")?.inputSchema.properties).not.toHaveProperty("position");
  });

  it("counts triggers and actions per connector", () => {
    const counts = catalogCounts();
    const total = counts.reduce((sum, c) => sum + c.triggers + c.actions + c.logic, 0);
    expect(total).toBe(catalogEntries().length);
    expect(counts.find((c) => c.connector === "ghl")?.triggers).toBe(listTriggers().filter((t) => t.connector === "ghl").length);
    expect(counts.find((c) => c.connector === "logic")).toMatchObject({ label: "Logic", logic: 4 });
  });

  it("sends the editor full entries only for the steps in use, and is much smaller", () => {
    const lean = editorCatalog(["ghl.contact.created", "details-flowers.client.upsert"]);
    expect(lean.map((e) => e.key)).toEqual(catalogEntries().map((e) => e.key));
    expect(lean.find((e) => e.key === "details-flowers.client.upsert")).toBe(catalogEntry("details-flowers.client.upsert"));
    const note = lean.find((e) => e.key === "ghl.note.create");
    expect(note).toMatchObject({ label: catalogEntry("ghl.note.create")?.label, inputSchema: {}, outputSchema: {}, schemasOmitted: true });
    expect(note).not.toHaveProperty("example");
    expect(JSON.stringify(lean).length).toBeLessThan(JSON.stringify(catalogEntries()).length / 3);
  });
});
