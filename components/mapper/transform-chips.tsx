"use client";

import { ArrowRightIcon, XIcon } from "lucide-react";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { getTransform, type TransformStep } from "@/lib/engine/mapping";
import { TransformParams } from "./transform-params";

/** The transforms applied to a field, in order; click one to edit its settings. */
export function TransformChips({ steps, onChange, readOnly }: { steps: TransformStep[]; onChange: (steps: TransformStep[]) => void; readOnly?: boolean }) {
  if (steps.length === 0) return null;
  return (
    <ol aria-label="Transforms" className="flex flex-wrap items-center gap-1">
      {steps.map((step, i) => {
        const definition = getTransform(step.transform);
        const label = definition?.label ?? `Unknown transform ${step.transform}`;
        return (
          <li key={i} className="flex items-center gap-1">
            <ArrowRightIcon aria-hidden="true" className="size-3 text-muted-foreground" />
            <span className="inline-flex items-center rounded-full border bg-muted/50 text-xs">
              <Popover>
                <PopoverTrigger asChild>
                  <button type="button" className="rounded-l-full px-2 py-0.5 hover:bg-accent" aria-label={`Edit transform ${label}`} disabled={readOnly || !definition}>
                    {label}
                  </button>
                </PopoverTrigger>
                {definition && (
                  <PopoverContent align="start" className="w-80">
                    <p className="mb-1 text-sm font-medium">{definition.label}</p>
                    <p className="mb-3 text-xs text-muted-foreground">{definition.description}</p>
                    <TransformParams
                      definition={definition}
                      params={step.params ?? {}}
                      onChange={(params) => onChange(steps.map((s, j) => (j === i ? { ...s, params } : s)))}
                    />
                  </PopoverContent>
                )}
              </Popover>
              {!readOnly && (
                <button type="button" aria-label={`Remove transform ${label}`} className="rounded-r-full px-1 py-0.5 hover:bg-accent" onClick={() => onChange(steps.filter((_, j) => j !== i))}>
                  <XIcon aria-hidden="true" className="size-3" />
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
