/**
 * Undo/redo as a pure reducer over whole-graph snapshots. Graphs are immutable, so a
 * snapshot costs one pointer per unchanged node; 100 steps of a 500-node graph is cheap.
 */
import type { WorkflowGraph } from "@/lib/engine/graph";

export const HISTORY_LIMIT = 100;

export type History = {
  past: WorkflowGraph[];
  present: WorkflowGraph;
  future: WorkflowGraph[];
  /** Edits with the same key in a row (typing in one field) merge into one undo step. */
  lastKey?: string;
};

export type HistoryAction =
  | { type: "apply"; graph: WorkflowGraph; coalesceKey?: string }
  /** `update` must be pure (graph commands are); it runs on the latest graph. */
  | { type: "update"; update: (graph: WorkflowGraph) => WorkflowGraph; coalesceKey?: string }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "reset"; graph: WorkflowGraph };

export function initHistory(graph: WorkflowGraph): History {
  return { past: [], present: graph, future: [] };
}

export function historyReducer(state: History, action: HistoryAction): History {
  switch (action.type) {
    case "update":
      return historyReducer(state, { type: "apply", graph: action.update(state.present), coalesceKey: action.coalesceKey });
    case "apply": {
      if (action.graph === state.present) return state;
      if (action.coalesceKey && action.coalesceKey === state.lastKey) {
        return { ...state, present: action.graph, future: [] };
      }
      const past = [...state.past, state.present].slice(-HISTORY_LIMIT);
      return { past, present: action.graph, future: [], lastKey: action.coalesceKey };
    }
    case "undo": {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future] };
    }
    case "redo": {
      const [next, ...future] = state.future;
      if (!next) return state;
      return { past: [...state.past, state.present], present: next, future };
    }
    case "reset":
      return initHistory(action.graph);
  }
}

export const canUndo = (state: History) => state.past.length > 0;
export const canRedo = (state: History) => state.future.length > 0;
