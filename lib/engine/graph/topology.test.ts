import { describe, expect, it } from "vitest";
import { literal, ref } from "../mapping/schema";
import { chain, edge, ifBranch, loop, trigger, upsert } from "./fixtures.test-helper";
import type { WorkflowGraph } from "./schema";
import { dominators, downstreamOf, findCycles, GraphCycleError, nextNodes, topologicalOrder, upstreamOf } from "./topology";

const cond = { all: [{ left: literal(1), op: "is_not_empty" as const }] };

// trigger → check ─true→ a ─┐
//                 └false→ b ─┴→ merge ; a ─error→ alert
const diamond: WorkflowGraph = {
  schemaVersion: 1,
  nodes: [trigger(), ifBranch("check", cond), upsert("a"), upsert("b"), upsert("merge"), upsert("alert")],
  edges: [
    edge("trigger", "check"),
    edge("check", "a", "true"),
    edge("check", "b", "false"),
    edge("a", "merge"),
    edge("b", "merge"),
    edge("a", "alert", "error"),
  ],
};

describe("topologicalOrder", () => {
  it.each<[string, WorkflowGraph, string[]]>([
    ["a chain", chain(trigger(), upsert("x"), upsert("y")), ["trigger", "x", "y"]],
    ["a diamond, ties in node order", diamond, ["trigger", "check", "a", "b", "merge", "alert"]],
    [
      "nodes listed out of order",
      { schemaVersion: 1, nodes: [upsert("z"), upsert("y"), trigger()], edges: [edge("trigger", "y"), edge("y", "z")] },
      ["trigger", "y", "z"],
    ],
    ["edges to missing nodes are ignored", { ...chain(trigger(), upsert("x")), edges: [edge("trigger", "x"), edge("x", "ghost")] }, ["trigger", "x"]],
  ])("%s", (_name, graph, order) => {
    expect(topologicalOrder(graph)).toEqual(order);
  });

  it("throws with the cycle on a cyclic graph", () => {
    const graph = { ...chain(trigger(), upsert("x"), upsert("y")), edges: [edge("trigger", "x"), edge("x", "y"), edge("y", "x")] };
    expect(() => topologicalOrder(graph)).toThrow(GraphCycleError);
    expect(() => topologicalOrder(graph)).toThrow("x → y");
    expect(findCycles(graph)).toEqual([["x", "y"]]);
  });

  it("finds self loops", () => {
    const graph = { ...chain(trigger(), upsert("x")), edges: [edge("trigger", "x"), edge("x", "x")] };
    expect(findCycles(graph)).toEqual([["x"]]);
  });
});

describe("graph queries", () => {
  it.each<[string, string | undefined, string[]]>([
    ["check", "true", ["a"]],
    ["check", "false", ["b"]],
    ["a", "out", ["merge"]],
    ["a", "error", ["alert"]],
    ["a", undefined, ["merge"]],
    ["merge", "out", []],
  ])("nextNodes(%s, %s)", (id, handle, expected) => {
    expect(nextNodes(diamond, id, handle)).toEqual(expected);
  });

  it.each([
    ["merge", ["trigger", "check", "a", "b"]],
    ["alert", ["trigger", "check", "a"]],
    ["trigger", []],
  ])("upstreamOf(%s)", (id, expected) => {
    expect([...upstreamOf(diamond, id)].sort()).toEqual([...expected].sort());
  });

  it("downstreamOf one output", () => {
    expect([...downstreamOf(diamond, "check", "true")].sort()).toEqual(["a", "alert", "merge"]);
  });

  it("dominators: a merge is dominated by the branch, not by either arm", () => {
    const dom = dominators(diamond, "trigger");
    expect([...(dom.get("merge") ?? [])].sort()).toEqual(["check", "merge", "trigger"]);
    expect([...(dom.get("alert") ?? [])].sort()).toEqual(["a", "alert", "check", "trigger"]);
  });

  it("loop bodies are the nodes after the each output", () => {
    const graph: WorkflowGraph = {
      schemaVersion: 1,
      nodes: [trigger(), loop("tasks", ref("trigger", "tasks")), upsert("body"), upsert("after")],
      edges: [edge("trigger", "tasks"), edge("tasks", "body", "each"), edge("tasks", "after", "done")],
    };
    expect([...downstreamOf(graph, "tasks", "each")]).toEqual(["body"]);
    expect(nextNodes(graph, "tasks", "done")).toEqual(["after"]);
  });
});
