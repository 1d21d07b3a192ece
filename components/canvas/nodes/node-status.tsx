"use client";

import { memo } from "react";
import { CircleAlertIcon, TriangleAlertIcon } from "lucide-react";
import { StatusBadge } from "@/components/ui/status-badge";
import { useCanvasServices } from "../editor-context";
import { useKeyedValue } from "../keyed-store";

/** Validation and last-run badges; subscribes to the stores so only this node re-renders. */
export const NodeStatus = memo(function NodeStatus({ nodeId }: { nodeId: string }) {
  const { issues, runStatus } = useCanvasServices();
  const found = useKeyedValue(issues, nodeId);
  const status = useKeyedValue(runStatus, nodeId);
  const errors = found?.errors.length ?? 0;
  const warnings = found?.warnings.length ?? 0;
  return (
    <div className="flex shrink-0 items-center gap-1">
      {errors > 0 && (
        <span
          role="img"
          aria-label={`${errors} ${errors === 1 ? "problem" : "problems"}: ${found?.errors.join("; ")}`}
          title={found?.errors.join("\n")}
          className="inline-flex items-center gap-0.5 rounded-full bg-destructive/10 px-1.5 py-0.5 text-xs font-medium text-destructive"
        >
          <CircleAlertIcon aria-hidden="true" className="size-3" />
          {errors}
        </span>
      )}
      {warnings > 0 && (
        <span
          role="img"
          aria-label={`${warnings} ${warnings === 1 ? "warning" : "warnings"}: ${found?.warnings.join("; ")}`}
          title={found?.warnings.join("\n")}
          className="inline-flex items-center gap-0.5 rounded-full bg-warning/10 px-1.5 py-0.5 text-xs font-medium text-warning"
        >
          <TriangleAlertIcon aria-hidden="true" className="size-3" />
          {warnings}
        </span>
      )}
      {status && status !== "idle" && <StatusBadge status={status} label="" aria-label={`Last run: ${status}`} title={`Last run: ${status}`} className="px-1" />}
    </div>
  );
});
