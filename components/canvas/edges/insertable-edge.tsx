"use client";

import { memo } from "react";
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { PlusIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import { useCanvasServices } from "../editor-context";
import type { StepFlowEdge } from "../flow-adapter";

/** A smoothstep edge with a "+" in the middle that inserts a step between its two ends. */
function InsertableEdgeView(props: EdgeProps<StepFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected, sourceHandleId } = props;
  const { requestInsertOnEdge, readOnly } = useCanvasServices();
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10 });
  const isError = sourceHandleId === "error";
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={cn(isError && "!stroke-destructive/70 [stroke-dasharray:5_4]", selected && "!stroke-ring")}
        style={{ strokeWidth: selected ? 2 : 1.5 }}
      />
      {!readOnly && (
        <EdgeLabelRenderer>
          <button
            type="button"
            aria-label="Insert a step here"
            title="Insert a step here"
            onClick={(event) => {
              event.stopPropagation();
              requestInsertOnEdge(id);
            }}
            className="nodrag nopan pointer-events-auto absolute flex size-5 items-center justify-center rounded-full border bg-background text-muted-foreground shadow-xs transition-colors hover:border-ring hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            <PlusIcon aria-hidden="true" className="size-3" />
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const InsertableEdge = memo(InsertableEdgeView);
