import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogEntry } from "@/lib/engine/catalog";
import { toJsonSchema } from "@/lib/engine/graph";
import { schemaFields, schemaVariants, typeLabel } from "./schema-fields";
import { filterCatalog } from "./filter-catalog";
import type { CatalogListItem } from "./types";

const schema = toJsonSchema(
  z.object({
    email: z.email().describe("Where to write"),
    name: z.string().nullable().optional(),
    address: z.object({ city: z.string().describe("Town"), zip: z.string().optional() }).describe("Postal address"),
    tags: z.array(z.object({ label: z.string() })),
    kind: z.enum(["a", "b"]),
  }),
  "input",
);

describe("schemaFields", () => {
  it("flattens nested objects and arrays of objects with depth, type, required and description", () => {
    const rows = schemaFields(schema);
    expect(rows.map((r) => [r.path, r.depth, r.required])).toEqual([
      ["email", 0, true],
      ["name", 0, false],
      ["address", 0, true],
      ["address.city", 1, true],
      ["address.zip", 1, false],
      ["tags", 0, true],
      ["tags[].label", 1, true],
      ["kind", 0, true],
    ]);
    expect(rows.find((r) => r.path === "email")).toMatchObject({ type: "string (email)", description: "Where to write" });
    expect(rows.find((r) => r.path === "name")?.type).toBe("string | null");
    expect(rows.find((r) => r.path === "tags")?.type).toBe("object[]");
    expect(rows.find((r) => r.path === "kind")?.type).toBe('"a" | "b"');
    expect(rows.find((r) => r.path === "address.city")?.description).toBe("Town");
  });

  it("splits a top-level union into titled options", () => {
    const variants = schemaVariants(catalogEntry("logic.branch")?.inputSchema ?? {});
    expect(variants.map((v) => v.title)).toEqual(["mode: if", "mode: switch"]);
    expect(typeLabel({})).toBe("any");
  });
});

describe("filterCatalog", () => {
  const item = (key: string, connector: string, resource: string, label: string): CatalogListItem => ({
    key, kind: "action", connector, connectorLabel: connector.toUpperCase(), resource, label, description: `${label} in ${connector}`, deprecated: false,
  });
  const items = [item("ghl.contact.upsert", "ghl", "contact", "Upsert contact"), item("ghl.task.create", "ghl", "task", "Create task"), item("details-flowers.task.create", "details-flowers", "task", "Create task")];

  it("groups by connector then resource and matches every word", () => {
    expect(filterCatalog(items, "").map((g) => [g.connector, g.resources.map((r) => r.resource)])).toEqual([["ghl", ["contact", "task"]], ["details-flowers", ["task"]]]);
    expect(filterCatalog(items, "task GHL").flatMap((g) => g.resources.flatMap((r) => r.items.map((i) => i.key)))).toEqual(["ghl.task.create"]);
    expect(filterCatalog(items, "invoice")).toEqual([]);
  });
});
