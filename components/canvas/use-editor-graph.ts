"use client";

import { useCallback, useLayoutEffect, useReducer, useRef, useState } from "react";
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import type { WorkflowGraph } from "@/lib/engine/graph";
import { setPositions } from "./graph-commands";
import { syncEdges, syncNodes, withSelection, type StepFlowEdge, type StepFlowNode } from "./flow-adapter";
import { canRedo, canUndo, historyReducer, initHistory } from "./history";

type FlowState = { graph: WorkflowGraph; nodes: StepFlowNode[]; edges: StepFlowEdge[]; select?: ReadonlySet<string> };

/**
 * The editor's state: the graph with undo history (the source of truth) and React Flow's
 * node/edge arrays derived from it. Drags move flow nodes only; the graph (and history)
 * changes once, when the drag ends.
 */
export function useEditorGraph(initialGraph: WorkflowGraph) {
  const [history, dispatch] = useReducer(historyReducer, initialGraph, initHistory);
  const graph = history.present;
  const [flow, setFlow] = useState<FlowState>(() => ({ graph, nodes: syncNodes([], graph), edges: syncEdges([], graph) }));

  // Derive flow elements during render when the graph changed (React's "adjust state on prop change").
  if (flow.graph !== graph || flow.select) {
    let nodes = flow.graph !== graph ? syncNodes(flow.nodes, graph) : flow.nodes;
    if (flow.select) nodes = withSelection(nodes, flow.select);
    setFlow({ graph, nodes, edges: flow.graph !== graph ? syncEdges(flow.edges, graph) : flow.edges });
  }

  // Event handlers (isValidConnection, copy, shortcuts) read the latest graph without re-binding.
  const graphRef = useRef(graph);
  useLayoutEffect(() => {
    graphRef.current = graph;
  }, [graph]);

  const apply = useCallback((update: (g: WorkflowGraph) => WorkflowGraph, coalesceKey?: string) => {
    dispatch({ type: "update", update, coalesceKey });
  }, []);

  const select = useCallback((ids: Iterable<string>) => {
    const set = new Set(ids);
    setFlow((state) => ({ ...state, select: set, edges: withSelection(state.edges, new Set()) }));
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      // Deletion goes through the graph (one undo step, chain healing); React Flow's own is off.
      const relevant = changes.filter((c) => c.type !== "remove");
      setFlow((state) => ({ ...state, nodes: applyNodeChanges(relevant, state.nodes) }));
      const settled = new Map<string, { x: number; y: number }>();
      for (const change of relevant) {
        if (change.type === "position" && change.position && !change.dragging) settled.set(change.id, change.position);
      }
      if (settled.size > 0) apply((g) => setPositions(g, settled));
    },
    [apply],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<StepFlowEdge>[]) => {
    const relevant = changes.filter((c) => c.type !== "remove");
    setFlow((state) => ({ ...state, edges: applyEdgeChanges(relevant, state.edges) }));
  }, []);

  return {
    graph,
    graphRef,
    nodes: flow.nodes,
    edges: flow.edges,
    apply,
    select,
    onNodesChange,
    onEdgesChange,
    undo: useCallback(() => dispatch({ type: "undo" }), []),
    redo: useCallback(() => dispatch({ type: "redo" }), []),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
  };
}

export type EditorGraph = ReturnType<typeof useEditorGraph>;
