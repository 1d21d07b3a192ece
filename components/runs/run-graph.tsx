"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { OutputHandles } from "@/components/canvas/nodes/output-handles";
import { StepIcon } from "@/components/canvas/nodes/step-icon";
import type { GraphNode, WorkflowGraph } from "@/lib/engine/graph";
import { cn } from "@/lib/utils";

import type { NodeRunStatus as StepStatus } from "@/lib/services/runs";

export type NodeRunStatus = StepStatus | "not_run";

const STATUS_STYLE: Record<NodeRunStatus, { label: string; className: string }> = {
  succeeded: { label: "Succeeded", className: "border-success bg-success/10" },
  failed: { label: "Failed", className: "border-destructive bg-destructive/10" },
  running: { label: "Running", className: "border-info bg-info/10" },
  waiting: { label: "Waiting", className: "border-warning bg-warning/10" },
  retrying: { label: "Retrying", className: "border-warning bg-warning/10" },
  skipped: { label: "Skipped", className: "border-dashed border-muted-foreground" },
  not_run: { label: "Not run", className: "border-dashed opacity-60" },
};

type RunNodeData = { node: GraphNode; status: NodeRunStatus; onOpen: (nodeId: string) => void };
type RunFlowNode = Node<RunNodeData, "runStep">;

const RunStepNode = memo(function RunStepNode({ data }: NodeProps<RunFlowNode>) {
  const { node, status, onOpen } = data;
  const style = STATUS_STYLE[status];
  return (
    <button
      type="button"
      onClick={() => onOpen(node.id)}
      data-testid={`graph-node-${node.id}`}
      data-status={status}
      aria-label={`${node.label}: ${style.label}. Show this step`}
      className={cn("w-56 rounded-lg border-2 bg-card p-2.5 text-left text-card-foreground shadow-xs", style.className)}
    >
      {node.kind !== "trigger" && <Handle type="target" id="in" position={Position.Left} isConnectable={false} className="!size-2 !bg-muted-foreground" />}
      <span className="flex items-start gap-2">
        <StepIcon kind={node.kind} className="mt-0.5 size-4 shrink-0" />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium">{node.label || "Untitled step"}</span>
          <span className="block text-xs text-muted-foreground">{style.label}</span>
        </span>
      </span>
      <OutputHandles node={node} connectable={false} />
    </button>
  );
});

const nodeTypes = { runStep: RunStepNode };

/** The run's workflow version drawn read-only, each step coloured by how it went in this run. */
export function RunGraph({ graph, statuses }: { graph: WorkflowGraph; statuses: Record<string, NodeRunStatus> }) {
  const { nodes, edges } = useMemo(() => {
    const onOpen = (nodeId: string) => {
      const card = document.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(nodeId)}"]`);
      if (!card) return;
      card.scrollIntoView({ behavior: "smooth", block: "center" });
      card.querySelectorAll("details").forEach((d) => (d.open = true));
      card.focus({ preventScroll: true });
    };
    const nodes: RunFlowNode[] = graph.nodes.map((node) => ({
      id: node.id,
      type: "runStep",
      position: node.position,
      data: { node, status: statuses[node.id] ?? "not_run", onOpen },
      draggable: false,
      connectable: false,
    }));
    const edges: Edge[] = graph.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? "out",
      targetHandle: "in",
      animated: statuses[e.target] === "running",
    }));
    return { nodes, edges };
  }, [graph, statuses]);
  return (
    <div className="h-80 rounded-md border" data-testid="run-graph">
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} fitView proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
