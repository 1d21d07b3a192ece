import { describe, expect, it } from "vitest";
import { createNode } from "./node-factory";
import type { CatalogEntry, ConnectionSummary } from "./types";

const entry: CatalogEntry = { key: "details-flowers.client.upsert", kind: "action", connector: "details-flowers", resource: "client", label: "Upsert", description: "", inputSchema: {}, outputSchema: {} };
const empty = { schemaVersion: 1 as const, nodes: [], edges: [] };
const conn = (id: string, provider: string, status = "active"): ConnectionSummary => ({ id, provider, label: id, status });

describe("createNode", () => {
  it("starts with the only active connection of the step's connector", () => {
    const node = createNode(entry, empty, { x: 0, y: 0 }, [conn("g1", "ghl"), conn("d1", "details-flowers"), conn("d2", "details-flowers", "disconnected")]);
    expect(node).toMatchObject({ kind: "action", connectionId: "d1" });
  });

  it("leaves the choice to the user when there are several, or none", () => {
    expect(createNode(entry, empty, { x: 0, y: 0 }, [conn("d1", "details-flowers"), conn("d2", "details-flowers")])).not.toHaveProperty("connectionId");
    expect(createNode(entry, empty, { x: 0, y: 0 })).not.toHaveProperty("connectionId");
  });
});
