"use client";

import { memo } from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { cn } from "@/lib/utils";
import { useCanvasServices } from "../editor-context";
import type { StepFlowNode } from "../flow-adapter";
import { catalogKeyOf } from "../node-factory";
import { CONNECTOR_TONES, connectorOfKey } from "../node-visuals";
import { StepIcon } from "./step-icon";
import { NodeStatus } from "./node-status";
import { OutputHandles } from "./output-handles";

const KIND_WORDS: Record<string, string> = { trigger: "When", action: "Do", filter: "Only if", branch: "Branch", loop: "Repeat", delay: "Wait" };

/** Every step kind shares this card; what differs (handles, words) comes from the node. */
function StepNodeCard({ data, selected }: NodeProps<StepFlowNode>) {
  const { catalog, readOnly } = useCanvasServices();
  const node = data.node;
  const key = catalogKeyOf(node);
  const entry = catalog.entry(key);
  const connector = entry?.connector ?? connectorOfKey(key);
  const deprecated = entry?.deprecated;
  return (
    <div
      data-testid={`step-${node.id}`}
      className={cn(
        "w-60 rounded-lg border bg-card text-card-foreground shadow-xs",
        selected && "border-ring ring-2 ring-ring/40",
        node.kind === "trigger" && "border-l-4 border-l-primary",
      )}
    >
      {node.kind !== "trigger" && (
        <Handle
          type="target"
          id="in"
          position={Position.Left}
          isConnectable={!readOnly}
          aria-label={`${node.label}: input`}
          className="!size-3 !border-2 !border-background !bg-muted-foreground"
        />
      )}
      <div className="flex items-start gap-2 p-2.5">
        <span className={cn("flex size-8 shrink-0 items-center justify-center rounded-md", CONNECTOR_TONES[connector] ?? CONNECTOR_TONES.logic)}>
          <StepIcon kind={node.kind} resource={entry?.resource} className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate text-sm leading-5 font-medium">{node.label || "Untitled step"}</div>
          <div className="truncate text-xs text-muted-foreground">
            {KIND_WORDS[node.kind]} · {entry?.label ?? key}
            {deprecated && " (deprecated)"}
          </div>
        </div>
        <NodeStatus nodeId={node.id} />
      </div>
      <OutputHandles node={node} connectable={!readOnly} />
    </div>
  );
}

export const StepNode = memo(StepNodeCard);
