import { describe, expect, it } from "vitest";
import { chain, trigger, upsert } from "./fixtures.test-helper";
import { GraphFormatError, migrateGraph } from "./migrate";

describe("migrateGraph", () => {
  it("returns a current graph unchanged", () => {
    const graph = chain(trigger(), upsert("x"));
    expect(migrateGraph(JSON.parse(JSON.stringify(graph)))).toEqual(graph);
  });

  it.each([
    [{ schemaVersion: 2, nodes: [], edges: [] }, "saved in format v2, newer than this server understands (up to v1)"],
    [{ schemaVersion: 99 }, "format v99"],
    [{ schemaVersion: 0, nodes: [], edges: [] }, "Unknown workflow format: schemaVersion is 0"],
    [{ nodes: [], edges: [] }, "schemaVersion is undefined"],
    [{ schemaVersion: "1" }, 'schemaVersion is "1"'],
    [null, "must be an object"],
    [[], "must be an object"],
    [{ schemaVersion: 1, nodes: [{ id: "x", kind: "teleport" }], edges: [] }, "The workflow graph is malformed: nodes.0.kind"],
  ])("rejects %j", (input, message) => {
    expect(() => migrateGraph(input)).toThrow(GraphFormatError);
    expect(() => migrateGraph(input)).toThrow(message);
  });

  it("lists every malformed field", () => {
    try {
      migrateGraph({ schemaVersion: 1, nodes: [{ id: "bad id", label: "x", position: { x: 0, y: 0 }, kind: "trigger", triggerKey: "" }], edges: [{}] });
      expect.unreachable();
    } catch (error) {
      expect((error as GraphFormatError).issues.map((i) => i.path).sort()).toEqual(
        ["edges.0.id", "edges.0.source", "edges.0.target", "nodes.0.id", "nodes.0.triggerKey"].sort(),
      );
    }
  });
});
