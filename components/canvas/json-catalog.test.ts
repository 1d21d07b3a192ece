import { describe, expect, it } from "vitest";
import { validateGraph, type WorkflowGraph } from "@/lib/engine/graph";
import { catalogFromDefinitions } from "@/lib/engine/graph";
import { ref, pipeline } from "@/lib/engine/mapping";
import { catalogEntries } from "@/lib/engine/catalog";
import { CONNECTORS_UNDER_TEST, realCatalog } from "./catalog.test-helper";
import type { CatalogEntry } from "./types";
import { jsonCatalog } from "./json-catalog";

const entries = realCatalog();
const client = jsonCatalog(entries);
const server = catalogFromDefinitions({
  operations: CONNECTORS_UNDER_TEST.flatMap((c) => c.operations),
  triggers: CONNECTORS_UNDER_TEST.flatMap((c) => c.triggers),
});

const at = { x: 0, y: 0 };
const graphs: [string, WorkflowGraph][] = [
  [
    "contact → client upsert with a missing required input and a bad path",
    {
      schemaVersion: 1,
      nodes: [
        { id: "trigger", label: "New contact", position: at, kind: "trigger", triggerKey: "ghl.contact.created" },
        { id: "upsert", label: "Upsert client", position: at, kind: "action", operationKey: "details-flowers.client.upsert", inputs: { email: ref("trigger", "nope.email"), name: pipeline(ref("trigger", "firstName"), { transform: "name.join", params: { last: ref("trigger", "lastName") } }) } },
        { id: "note", label: "Add note", position: at, kind: "action", operationKey: "ghl.note.create", inputs: {} },
      ],
      edges: [
        { id: "e1", source: "trigger", target: "upsert" },
        { id: "e2", source: "upsert", target: "note" },
      ],
    },
  ],
  [
    "unknown keys",
    {
      schemaVersion: 1,
      nodes: [
        { id: "trigger", label: "T", position: at, kind: "trigger", triggerKey: "nope.trigger" },
        { id: "a", label: "A", position: at, kind: "action", operationKey: "nope.op", inputs: {} },
      ],
      edges: [{ id: "e1", source: "trigger", target: "a" }],
    },
  ],
];

describe("jsonCatalog", () => {
  it("answers operations and triggers from JSON Schema", () => {
    expect(client.getOperation("ghl.contact.upsert")?.label).toBe(entries.find((e) => e.key === "ghl.contact.upsert")?.label);
    expect(client.getTrigger("ghl.contact.created")).toBeDefined();
    expect(client.getOperation("ghl.contact.created")).toBeUndefined();
    expect(client.getTrigger("logic.filter")).toBeUndefined();
    expect(client.entry("logic.loop")?.kind).toBe("logic");
  });

  it.each(graphs)("validates like the registry catalog: %s", (_name, graph) => {
    const fromJson = validateGraph(graph, client);
    const fromZod = validateGraph(graph, server);
    expect(fromJson.errors.length + fromJson.warnings.length).toBeGreaterThan(0);
    expect(fromJson).toEqual(fromZod);
  });

  it("accepts the server's catalog entries as they are", () => {
    const fromServer: CatalogEntry[] = catalogEntries();
    const adapter = jsonCatalog(fromServer);
    for (const [, graph] of graphs) expect(validateGraph(graph, adapter)).toEqual(validateGraph(graph, server));
  });
});
