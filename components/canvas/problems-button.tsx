"use client";

import { CircleAlertIcon, CircleCheckIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { ValidationIssue, ValidationResult } from "@/lib/engine/graph";

/** Count of problems; the list jumps to the step each one is about. */
export function ProblemsButton({ result, onShow }: { result: ValidationResult; onShow: (issue: ValidationIssue) => void }) {
  const errors = result.errors.length;
  const warnings = result.warnings.length;
  const label = errors + warnings === 0 ? "No problems" : `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`;
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button type="button" variant="ghost" size="sm" aria-label={`Problems: ${label}`}>
          {errors > 0 ? <CircleAlertIcon aria-hidden="true" className="text-destructive" /> : warnings > 0 ? <TriangleAlertIcon aria-hidden="true" className="text-warning" /> : <CircleCheckIcon aria-hidden="true" className="text-success" />}
          <span className="tabular-nums">{errors + warnings}</span>
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-96 p-0">
        <p className="border-b px-3 py-2 text-sm font-medium">{label}</p>
        <ul className="max-h-80 overflow-y-auto p-1">
          {[...result.errors, ...result.warnings].map((issue, i) => (
            <li key={i}>
              <button type="button" className="flex w-full gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-accent" onClick={() => onShow(issue)} disabled={!issue.nodeId}>
                {issue.severity === "error" ? (
                  <CircleAlertIcon aria-label="Error" className="mt-0.5 size-4 shrink-0 text-destructive" />
                ) : (
                  <TriangleAlertIcon aria-label="Warning" className="mt-0.5 size-4 shrink-0 text-warning" />
                )}
                <span>{issue.message}</span>
              </button>
            </li>
          ))}
        </ul>
      </PopoverContent>
    </Popover>
  );
}
