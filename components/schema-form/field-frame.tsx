"use client";

import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export type FieldFrameProps = {
  id: string;
  label: string;
  required: boolean;
  description?: string;
  issues: string[];
  children: ReactNode;
  /** Groups (objects, arrays) label a fieldset instead of one control. */
  as?: "field" | "group";
  className?: string;
};

/** Label with required mark, the schema's description as help text, and validation messages. */
export function FieldFrame({ id, label, required, description, issues, children, as = "field", className }: FieldFrameProps) {
  const labelContent = (
    <>
      {label}
      {required && (
        <span className="ml-0.5 text-destructive" aria-hidden="true" data-required-mark="">
          *
        </span>
      )}
      {required && <span className="sr-only"> (required)</span>}
    </>
  );
  return (
    <div className={cn("space-y-1", className)} data-field={id}>
      {as === "field" ? (
        <label htmlFor={id} className="block text-sm font-medium">
          {labelContent}
        </label>
      ) : (
        <div id={`${id}-label`} className="text-sm font-medium">
          {labelContent}
        </div>
      )}
      {description && (
        <p id={`${id}-help`} className="text-xs text-muted-foreground">
          {description}
        </p>
      )}
      {children}
      {issues.map((issue) => (
        <p key={issue} className="text-xs text-destructive" role="alert">
          {issue}
        </p>
      ))}
    </div>
  );
}
