import { describe, expect, it } from "vitest";
import type { WorkflowGraph } from "@/lib/engine/graph";
import { autoLayout, elkGraphOf } from "./auto-layout";

const at = { x: 0, y: 0 };
const graph: WorkflowGraph = {
  schemaVersion: 1,
  nodes: [
    { id: "trigger", label: "T", position: at, kind: "trigger", triggerKey: "k" },
    { id: "if", label: "If", position: at, kind: "branch", mode: "if", condition: { all: [] } },
    { id: "yes", label: "Yes", position: at, kind: "delay", mode: "duration", amount: 1, unit: "minutes" },
    { id: "no", label: "No", position: at, kind: "delay", mode: "duration", amount: 1, unit: "minutes" },
  ],
  edges: [
    { id: "e1", source: "trigger", target: "if" },
    { id: "e2", source: "if", sourceHandle: "true", target: "yes" },
    { id: "e3", source: "if", sourceHandle: "false", target: "no" },
  ],
};

describe("autoLayout", () => {
  it("gives each output handle its own ordered port", () => {
    const elk = elkGraphOf(graph, new Map());
    const branch = elk.children?.find((c) => c.id === "if");
    expect(branch?.ports?.map((p) => p.id)).toEqual(["if::in", "if::true", "if::false"]);
    expect(elk.edges?.[1]).toMatchObject({ sources: ["if::true"], targets: ["yes::in"] });
  });

  it("lays out left to right with the true branch above the false one", async () => {
    const positions = await autoLayout(graph, new Map());
    const x = (id: string) => positions.get(id)?.x ?? NaN;
    const y = (id: string) => positions.get(id)?.y ?? NaN;
    expect(x("trigger")).toBeLessThan(x("if"));
    expect(x("if")).toBeLessThan(x("yes"));
    expect(y("yes")).toBeLessThan(y("no"));
  });
});
