import { describe, expect, it } from "vitest";
import { ref, type Mapping } from "@/lib/engine/mapping";
import type { GraphNode, WorkflowGraph } from "@/lib/engine/graph";
import { copySelection, pasteClipboard } from "./clipboard";
import { connect, deleteElements, insertAfter, insertOnEdge, pruneDanglingEdges, setPositions, updateNode } from "./graph-commands";
import { createNode, uniqueNodeId } from "./node-factory";
import { LOGIC_ENTRIES, realCatalog } from "./catalog.test-helper";

const at = { x: 0, y: 0 };
const act = (id: string, inputs: Record<string, Mapping> = {}): GraphNode => ({ id, label: id, position: at, kind: "action", operationKey: "op", inputs });
const base: WorkflowGraph = {
  schemaVersion: 1,
  nodes: [{ id: "trigger", label: "T", position: at, kind: "trigger", triggerKey: "k" }, act("a"), act("b")],
  edges: [
    { id: "e1", source: "trigger", target: "a" },
    { id: "e2", source: "a", target: "b" },
  ],
};
const pairs = (g: WorkflowGraph) => g.edges.map((e) => `${e.source}-${e.sourceHandle ?? "out"}->${e.target}`).sort();

describe("graph commands", () => {
  it("inserts after a node and keeps the chain", () => {
    const next = insertAfter(base, act("x"), "a");
    expect(pairs(next)).toEqual(["a-out->x", "trigger-out->a", "x-out->b"]);
  });

  it("inserts on an edge", () => {
    const filter = createNode(LOGIC_ENTRIES[0], base, at);
    const next = insertOnEdge(base, "e2", filter);
    expect(pairs(next)).toEqual(["a-out->filter", "filter-out->b", "trigger-out->a"]);
  });

  it("deletes a node and joins its neighbours", () => {
    expect(pairs(deleteElements(base, ["a"]))).toEqual(["trigger-out->b"]);
    expect(pairs(deleteElements(base, [], ["e2"]))).toEqual(["trigger-out->a"]);
    expect(deleteElements(base, [])).toBe(base);
  });

  it("connects only valid edges", () => {
    expect(connect(base, "b", "out", "a")).toBe(base);
    expect(pairs(connect(base, "trigger", "out", "b"))).toContain("trigger-out->b");
  });

  it("keeps untouched nodes identical (memoized nodes skip re-render)", () => {
    const next = updateNode(base, "a", (n) => ({ ...n, label: "A!" }));
    expect(next.nodes[0]).toBe(base.nodes[0]);
    expect(next.nodes[2]).toBe(base.nodes[2]);
    expect(setPositions(base, new Map([["a", at]]))).toBe(base);
    expect(setPositions(base, new Map([["a", { x: 5, y: 0 }]])).nodes[1].position).toEqual({ x: 5, y: 0 });
  });

  it("drops edges from outputs that no longer exist", () => {
    const graph: WorkflowGraph = {
      ...base,
      nodes: [...base.nodes, { id: "sw", label: "S", position: at, kind: "branch", mode: "switch", cases: [] }],
      edges: [...base.edges, { id: "e3", source: "sw", sourceHandle: "gone", target: "b" }, { id: "e4", source: "sw", sourceHandle: "default", target: "a" }],
    };
    expect(pairs(pruneDanglingEdges(graph, "sw"))).not.toContain("sw-gone->b");
    expect(pairs(pruneDanglingEdges(graph, "sw"))).toContain("sw-default->a");
  });

  it("copies and pastes with new ids, remapping references between pasted nodes", () => {
    const graph = { ...base, nodes: [base.nodes[0], act("a"), act("b", { id: ref("a", "id"), email: ref("trigger", "email") })] };
    const clip = copySelection(graph, new Set(["trigger", "a", "b"]));
    expect(clip?.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    const { graph: next, pastedIds } = pasteClipboard(graph, clip!);
    expect(pastedIds).toEqual(["a_2", "b_2"]);
    const pastedB = next.nodes.find((n) => n.id === "b_2");
    expect(pastedB?.kind === "action" && pastedB.inputs).toEqual({ id: ref("a_2", "id"), email: ref("trigger", "email") });
    expect(pairs(next)).toContain("a_2-out->b_2");
    expect(pastedB?.position).toEqual({ x: 40, y: 40 });
  });

  it("creates nodes for every catalog entry with unique, valid ids", () => {
    let graph: WorkflowGraph = { schemaVersion: 1, nodes: [], edges: [] };
    for (const entry of realCatalog()) graph = { ...graph, nodes: [...graph.nodes, createNode(entry, graph, at)] };
    const ids = graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[A-Za-z0-9_-]+$/.test(id))).toBe(true);
    expect(uniqueNodeId("contact_upsert", new Set(["contact_upsert", "contact_upsert_2"]))).toBe("contact_upsert_3");
  });
});
