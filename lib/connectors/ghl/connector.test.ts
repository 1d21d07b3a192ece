import { describe, expect, it } from "vitest";
import { z } from "zod";
import { generateGhlFiles } from "../../../scripts/gen-ghl-schemas";
import { ghlConnector } from "./connector";
import { ghlOperationSpecs } from "./generated/operations";

type JsonSchema = { description?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[] };

/** Paths of object properties without a description, at any depth. */
function undescribed(schema: JsonSchema, at = ""): string[] {
  const missing: string[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (!prop.description) missing.push(`${at}${name}`);
    missing.push(...undescribed(prop, `${at}${name}.`));
  }
  if (schema.items) missing.push(...undescribed(schema.items, `${at}[].`));
  for (const option of schema.anyOf ?? []) missing.push(...undescribed(option, at));
  return missing;
}

const { operations, triggers } = ghlConnector;

describe("GHL connector registry", () => {
  it("has unique, well-formed keys", () => {
    const keys = [...operations, ...triggers].map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^ghl(\.[a-z0-9-]+){2,}$/);
    expect(operations).toHaveLength(Object.keys(ghlOperationSpecs).length);
  });

  it.each(operations.map((op) => [op.key, op] as const))("%s: schemas convert, every field is described, example parses", (_key, op) => {
    for (const [io, schema] of [["input", op.input], ["output", op.output]] as const) {
      const json = z.toJSONSchema(schema, { io: io === "input" ? "input" : "output" }) as JsonSchema;
      expect(undescribed(json)).toEqual([]);
    }
    expect(op.scopes.length).toBeGreaterThan(0);
    expect(op.description.length).toBeGreaterThan(10);
    expect(op.example).toBeDefined();
    expect(op.input.safeParse(op.example?.input).success).toBe(true);
    expect(op.output.safeParse(op.example?.output).success).toBe(true);
  });

  it.each(triggers.map((trigger) => [trigger.key, trigger] as const))("%s: payload converts, is described, sample parses", (_key, trigger) => {
    expect(undescribed(z.toJSONSchema(trigger.payload, { io: "output" }) as JsonSchema)).toEqual([]);
    expect(trigger.payload.safeParse(trigger.sample).success).toBe(true);
    expect(trigger.delivery === "webhook" ? trigger.describe : trigger.poll).toBeTypeOf("function");
  });

  it("points deprecated operations at a live replacement", () => {
    const deprecated = operations.filter((op) => op.deprecated);
    expect(deprecated.map((op) => op.key)).toEqual(["ghl.contact.list"]);
    expect(operations.some((op) => op.key === deprecated[0].deprecated?.useInstead)).toBe(true);
    expect(ghlOperationSpecs["get-contacts"].deprecated).toBe(true);
  });

  it("covers the 14 webhook events and two polling fallbacks", () => {
    const webhook = triggers.filter((trigger) => trigger.delivery === "webhook");
    expect(webhook.flatMap((trigger) => trigger.eventTypes ?? []).sort()).toEqual(
      [
        "AppointmentCreate", "AppointmentDelete", "AppointmentUpdate", "ContactCreate", "ContactDelete", "ContactDndUpdate",
        "ContactTagUpdate", "ContactUpdate", "NoteCreate", "NoteDelete", "NoteUpdate", "TaskComplete", "TaskCreate", "TaskDelete",
      ],
    );
    expect(triggers.filter((trigger) => trigger.delivery === "polling").map((trigger) => trigger.key)).toEqual([
      "ghl.contact.created.poll",
      "ghl.contact.updated.poll",
    ]);
  });
});

describe("generated GHL schemas", () => {
  it("match a fresh run of scripts/gen-ghl-schemas.ts (run `npm run gen:ghl` after changing the spec)", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const [name, content] of Object.entries(generateGhlFiles())) {
      expect(await readFile(new URL(`./generated/${name}`, import.meta.url), "utf8"), name).toBe(content);
    }
  });
});
