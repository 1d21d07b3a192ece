"use client";

import type { Mapping, Scope } from "@/lib/engine/mapping";
import { previewText, useMappingPreview } from "./mapper-context";

/** "Preview: jane@example.com", the mapping evaluated on the sample data. */
export function MappingPreview({ mapping, scope }: { mapping: Mapping | undefined; scope: Scope }) {
  const preview = useMappingPreview(mapping, scope);
  if (!mapping || mapping.kind === "literal") return null;
  if (preview.state === "error") return <p className="text-xs text-destructive">Preview failed: {preview.message}</p>;
  return (
    <p className="truncate text-xs text-muted-foreground" aria-live="polite">
      Preview: {preview.state === "value" ? <span className="font-mono text-foreground">{previewText(preview.value)}</span> : "no value in the sample"}
    </p>
  );
}
