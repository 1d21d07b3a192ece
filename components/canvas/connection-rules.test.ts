import { describe, expect, it } from "vitest";
import type { GraphNode, WorkflowGraph } from "@/lib/engine/graph";
import { canAddTrigger, checkConnection } from "./connection-rules";

const at = { x: 0, y: 0 };
const nodes: GraphNode[] = [
  { id: "trigger", label: "Trigger", position: at, kind: "trigger", triggerKey: "ghl.contact.created" },
  { id: "a", label: "A", position: at, kind: "action", operationKey: "op", inputs: {} },
  { id: "b", label: "B", position: at, kind: "action", operationKey: "op", inputs: {} },
  { id: "if", label: "If", position: at, kind: "branch", mode: "if", condition: { all: [] } },
  { id: "sw", label: "Switch", position: at, kind: "branch", mode: "switch", cases: [{ id: "vip", label: "VIP", condition: { all: [] } }] },
  { id: "loop", label: "Loop", position: at, kind: "loop", items: { kind: "literal", value: [] } },
  { id: "wait", label: "Wait", position: at, kind: "delay", mode: "duration", amount: 1, unit: "minutes" },
];
const graph: WorkflowGraph = {
  schemaVersion: 1,
  nodes,
  edges: [
    { id: "e1", source: "trigger", target: "a" },
    { id: "e2", source: "a", target: "b" },
  ],
};

const ok = (source: string, target: string, sourceHandle?: string) => checkConnection(graph, { source, target, sourceHandle }).ok;

describe("checkConnection", () => {
  it.each([
    ["trigger", "if", "out"],
    ["a", "if", "error"],
    ["if", "wait", "true"],
    ["if", "wait", "false"],
    ["sw", "wait", "vip"],
    ["sw", "wait", "default"],
    ["loop", "wait", "each"],
    ["loop", "wait", "done"],
    ["b", "wait", undefined],
  ])("allows %s -[%s]-> %s", (source, target, handle) => {
    expect(ok(source, target, handle)).toBe(true);
  });

  it.each([
    ["into the trigger", "a", "trigger", "out"],
    ["a self loop", "a", "a", "out"],
    ["a cycle", "b", "a", "out"],
    ["a cycle through the trigger's chain", "b", "a", "error"],
    ["an unknown node", "a", "ghost", "out"],
    ["a handle the kind lacks (trigger error)", "trigger", "b", "error"],
    ["a handle the kind lacks (if out)", "if", "b", "out"],
    ["a removed switch case", "sw", "b", "gold"],
    ["a loop's out handle", "loop", "b", "out"],
    ["a duplicate edge", "trigger", "a", "out"],
  ])("refuses %s", (_why, source, target, handle) => {
    expect(ok(source, target, handle)).toBe(false);
  });

  it("explains refusals", () => {
    const verdict = checkConnection(graph, { source: "b", target: "a", sourceHandle: "out" });
    expect(verdict).toEqual({ ok: false, reason: "This connection would create a loop back" });
  });

  it("allows only one trigger", () => {
    expect(canAddTrigger(graph)).toBe(false);
    expect(canAddTrigger({ ...graph, nodes: nodes.slice(1) })).toBe(true);
  });
});
