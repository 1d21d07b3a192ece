// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { WorkflowGraph } from "@/lib/engine/graph";
import { AUTOSAVE_DELAY_MS, useAutosave } from "./use-autosave";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const graph = (n: number): WorkflowGraph => ({ schemaVersion: 1, nodes: [], edges: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, source: "a", target: "b" })) });

describe("useAutosave", () => {
  it("debounces edits into one save and reports each state", async () => {
    vi.useFakeTimers();
    const onSave = vi.fn(async (_g: WorkflowGraph) => undefined);
    const first = graph(0);
    const { result, rerender } = renderHook(({ g }) => useAutosave(g, onSave), { initialProps: { g: first } });
    expect(result.current.state).toBe("saved");
    const edits = [graph(1), graph(2), graph(3)];
    for (const g of edits) {
      rerender({ g });
      await act(async () => void vi.advanceTimersByTime(200));
    }
    expect(result.current.state).toBe("unsaved");
    expect(onSave).not.toHaveBeenCalled();
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_DELAY_MS));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave).toHaveBeenCalledWith(edits[2]);
    expect(result.current.state).toBe("saved");
  });

  it("shows a failure and saves again on retry", async () => {
    vi.useFakeTimers();
    const onSave = vi.fn(async (_g: WorkflowGraph) => undefined).mockRejectedValueOnce(new Error("offline"));
    const { result, rerender } = renderHook(({ g }) => useAutosave(g, onSave), { initialProps: { g: graph(0) } });
    rerender({ g: graph(1) });
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10));
    expect(result.current.state).toBe("failed");
    await act(async () => void (await result.current.flush()));
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(result.current.state).toBe("saved");
  });

  it("says Unsaved in the same render as the edit, and Saved again after undoing back", async () => {
    vi.useFakeTimers();
    const onSave = vi.fn(async (_g: WorkflowGraph) => undefined);
    const first = graph(0);
    const { result, rerender } = renderHook(({ g }) => useAutosave(g, onSave), { initialProps: { g: first } });
    rerender({ g: graph(1) });
    expect(result.current.state).toBe("unsaved");
    rerender({ g: first });
    expect(result.current.state).toBe("saved");
    await act(async () => void vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10));
    expect(onSave).not.toHaveBeenCalled();
  });
});
