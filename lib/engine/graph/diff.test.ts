import { describe, expect, it } from "vitest";
import { literal, ref } from "../mapping";
import { diffGraphs } from "./diff";
import type { WorkflowGraph } from "./schema";

const base: WorkflowGraph = {
  schemaVersion: 1,
  nodes: [
    { id: "trigger", kind: "trigger", label: "New contact", position: { x: 0, y: 0 }, triggerKey: "ghl.contact.created", connectionId: "c1" },
    { id: "upsert", kind: "action", label: "Upsert client", position: { x: 300, y: 0 }, operationKey: "df.client.upsert", connectionId: "c2", inputs: { email: ref("trigger", "email") } },
  ],
  edges: [{ id: "e1", source: "trigger", target: "upsert" }],
};

const clone = (): WorkflowGraph => structuredClone(base);

describe("diffGraphs", () => {
  it("reports nothing when only positions moved", () => {
    const after = clone();
    after.nodes[1].position = { x: 999, y: 42 };
    expect(diffGraphs(base, after)).toEqual([]);
  });

  it("lists every step of a first publish as added", () => {
    expect(diffGraphs(null, base).map((c) => c.message)).toEqual(["Added “New contact”", "Added “Upsert client”", "Rewired: 1 connection added"]);
  });

  it("names the inputs and connection that changed", () => {
    const after = clone();
    const node = after.nodes[1];
    if (node.kind !== "action") throw new Error("fixture");
    node.inputs = { email: ref("trigger", "email"), fullName: literal("Ann") };
    node.connectionId = "c3";
    expect(diffGraphs(base, after)).toEqual([{ kind: "changed", nodeId: "upsert", message: "Changed “Upsert client”: input fullName, connection" }]);
  });

  it("reports renames, removals and rewiring", () => {
    const after = clone();
    after.nodes[0].label = "Contact created";
    after.nodes.pop();
    after.edges = [];
    expect(diffGraphs(base, after).map((c) => c.message)).toEqual([
      "Renamed “New contact” to “Contact created”",
      "Removed “Upsert client”",
      "Rewired: 1 connection removed",
    ]);
  });
});
