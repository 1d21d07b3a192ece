import { describe, expect, it } from "vitest";
import type { WorkflowGraph } from "@/lib/engine/graph";
import { canRedo, canUndo, HISTORY_LIMIT, historyReducer, initHistory } from "./history";

const g = (label: string): WorkflowGraph => ({ schemaVersion: 1, nodes: [{ id: "t", label, position: { x: 0, y: 0 }, kind: "trigger", triggerKey: "k" }], edges: [] });

describe("historyReducer", () => {
  it("undoes and redoes snapshots", () => {
    const [a, b, c] = [g("a"), g("b"), g("c")];
    let h = initHistory(a);
    h = historyReducer(h, { type: "apply", graph: b });
    h = historyReducer(h, { type: "apply", graph: c });
    expect(canUndo(h)).toBe(true);
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe(b);
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe(a);
    expect(canUndo(h)).toBe(false);
    expect(historyReducer(h, { type: "undo" })).toBe(h);
    h = historyReducer(h, { type: "redo" });
    expect(h.present).toBe(b);
    expect(canRedo(h)).toBe(true);
  });

  it("drops the redo branch on a new edit", () => {
    let h = historyReducer(initHistory(g("a")), { type: "apply", graph: g("b") });
    h = historyReducer(h, { type: "undo" });
    h = historyReducer(h, { type: "apply", graph: g("c") });
    expect(canRedo(h)).toBe(false);
    expect(h.past.map((x) => x.nodes[0].label)).toEqual(["a"]);
  });

  it("merges edits with the same coalesce key (typing) into one step", () => {
    let h = initHistory(g(""));
    for (const label of ["H", "He", "Hel"]) h = historyReducer(h, { type: "apply", graph: g(label), coalesceKey: "label:t" });
    expect(h.past).toHaveLength(1);
    h = historyReducer(h, { type: "apply", graph: g("x"), coalesceKey: "other" });
    expect(h.past).toHaveLength(2);
    h = historyReducer(h, { type: "undo" });
    expect(h.present.nodes[0].label).toBe("Hel");
  });

  it("applies updater functions to the latest graph and ignores no-ops", () => {
    const a = g("a");
    const h = initHistory(a);
    expect(historyReducer(h, { type: "update", update: (x) => x })).toBe(h);
    const next = historyReducer(h, { type: "update", update: (x) => ({ ...x, edges: [] }) });
    expect(next.past).toEqual([a]);
  });

  it("keeps at most HISTORY_LIMIT steps", () => {
    let h = initHistory(g("0"));
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = historyReducer(h, { type: "apply", graph: g(String(i)) });
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0].nodes[0].label).toBe("20");
  });

  it("resets", () => {
    const h = historyReducer(historyReducer(initHistory(g("a")), { type: "apply", graph: g("b") }), { type: "reset", graph: g("z") });
    expect(canUndo(h)).toBe(false);
    expect(h.present.nodes[0].label).toBe("z");
  });
});
