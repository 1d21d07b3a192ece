"use client";

import { Handle, Position } from "@xyflow/react";
import { outputHandles, type GraphNode } from "@/lib/engine/graph";
import { cn } from "@/lib/utils";
import { handleLabel } from "../node-visuals";

const HANDLE_CLASS = "!size-3 !border-2 !border-background !bg-muted-foreground";

/**
 * One labelled row per output. A plain "Next" output needs no label, so single-output
 * steps keep a compact card; actions list "Next" and "On error".
 */
export function OutputHandles({ node, connectable }: { node: GraphNode; connectable: boolean }) {
  const handles = outputHandles(node);
  if (handles.length === 1) {
    return (
      <Handle
        type="source"
        id={handles[0]}
        position={Position.Right}
        isConnectable={connectable}
        aria-label={`${node.label}: output ${handleLabel(node, handles[0])}`}
        className={HANDLE_CLASS}
      />
    );
  }
  return (
    <div className="flex flex-col gap-0.5 border-t py-1">
      {handles.map((handle) => (
        <div key={handle} className="relative flex h-5 items-center justify-end pr-3 text-[0.7rem] text-muted-foreground">
          <span className={cn("truncate", handle === "error" && "text-destructive", handle === "false" && "text-muted-foreground")}>{handleLabel(node, handle)}</span>
          <Handle
            type="source"
            id={handle}
            position={Position.Right}
            isConnectable={connectable}
            aria-label={`${node.label}: output ${handleLabel(node, handle)}`}
            className={cn(HANDLE_CLASS, handle === "error" && "!bg-destructive", handle === "true" && "!bg-success")}
          />
        </div>
      ))}
    </div>
  );
}
