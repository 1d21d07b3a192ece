"use client";

import { useCallback, useState, type RefObject } from "react";
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
  type OnConnectEnd,
} from "@xyflow/react";
import { useTheme } from "next-themes";
import { toast } from "@/components/ui/toaster";
import type { WorkflowGraph } from "@/lib/engine/graph";
import { checkConnection } from "./connection-rules";
import type { StepFlowEdge, StepFlowNode } from "./flow-adapter";
import { edgeTypes, nodeTypes } from "./flow-types";
import { openingFit } from "./opening-view";
import { STEP_MIME } from "./palette-groups";

/** Above this many steps only what is on screen is rendered (measured: helps at 300+). */
export const VIRTUALIZE_ABOVE = 150;

const MULTI_SELECT_KEYS = ["Control", "Meta"];
const DEFAULT_EDGE_OPTIONS = { type: "insertable" } as const;
const SNAP_GRID: [number, number] = [10, 10];
const ARIA_LABELS = { "node.a11yDescription.default": "Press Enter or Space to select this step; arrow keys move it." };

export type EditorCanvasProps = {
  nodes: StepFlowNode[];
  edges: StepFlowEdge[];
  graphRef: RefObject<WorkflowGraph>;
  readOnly: boolean;
  onNodesChange: (changes: NodeChange<StepFlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<StepFlowEdge>[]) => void;
  onConnect: (source: string, handle: string, target: string) => void;
  /** A palette item dropped on the canvas at a flow position. */
  onDropStep: (key: string, position: { x: number; y: number }) => void;
};

const nodeColor = (node: StepFlowNode) => (node.data.node.kind === "trigger" ? "var(--primary)" : "var(--muted-foreground)");

export function EditorCanvas(props: EditorCanvasProps) {
  const { graphRef, onConnect, onDropStep, readOnly } = props;
  const { screenToFlowPosition } = useReactFlow();
  const { resolvedTheme } = useTheme();
  // Fit only a workflow that opens with steps: fitting later would jump the view on the first drop.
  const [fitOnOpen] = useState(() => props.nodes.length > 0);
  const [fitOptions] = useState(() => openingFit(props.nodes.map((n) => n.data.node), VIRTUALIZE_ABOVE));

  const isValidConnection = useCallback<IsValidConnection<StepFlowEdge>>(
    (c) => checkConnection(graphRef.current, { source: c.source, target: c.target, sourceHandle: c.sourceHandle }).ok,
    [graphRef],
  );

  const handleConnect = useCallback((c: Connection) => onConnect(c.source, c.sourceHandle ?? "out", c.target), [onConnect]);

  // Say why a connection was refused, instead of silently snapping back.
  const onConnectEnd = useCallback<OnConnectEnd>(
    (_event, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode) return;
      const verdict = checkConnection(graphRef.current, { source: state.fromNode.id, target: state.toNode.id, sourceHandle: state.fromHandle?.id });
      if (!verdict.ok) toast.warning("Can't connect these steps", verdict.reason);
    },
    [graphRef],
  );

  const onDragOver = useCallback((event: React.DragEvent) => {
    if (!event.dataTransfer.types.includes(STEP_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      const key = event.dataTransfer.getData(STEP_MIME);
      if (!key || readOnly) return;
      event.preventDefault();
      onDropStep(key, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [onDropStep, readOnly, screenToFlowPosition],
  );

  return (
    <ReactFlow<StepFlowNode, StepFlowEdge>
      nodes={props.nodes}
      edges={props.edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={props.onNodesChange}
      onEdgesChange={props.onEdgesChange}
      onConnect={handleConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      onDragOver={onDragOver}
      onDrop={onDrop}
      defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      fitView={fitOnOpen}
      fitViewOptions={fitOptions}
      minZoom={0.1}
      snapToGrid
      snapGrid={SNAP_GRID}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      edgesReconnectable={false}
      onlyRenderVisibleElements={props.nodes.length > VIRTUALIZE_ABOVE}
      colorMode={resolvedTheme === "dark" ? "dark" : "light"}
      ariaLabelConfig={ARIA_LABELS}
      aria-label="Workflow canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
      <Controls showInteractive={!readOnly} aria-label="Zoom controls" />
      <MiniMap<StepFlowNode> pannable zoomable nodeColor={nodeColor} ariaLabel="Minimap" className="!bg-background" />
    </ReactFlow>
  );
}
