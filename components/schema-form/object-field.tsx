"use client";

import { useState } from "react";
import { ChevronDownIcon, ChevronRightIcon } from "lucide-react";
import { MappingInput } from "@/components/mapper/mapping-input";
import { formatPath, type PathSegment } from "@/lib/engine/mapping";
import type { FieldFrameProps } from "./field-frame";
import { hasValuesUnder, useSchemaForm } from "./form-context";
import { SchemaField } from "./schema-field";
import { orderedProperties, type FieldShape } from "./schema-model";

type Frame = Omit<FieldFrameProps, "children">;

/**
 * A nested object as a collapsible group. It starts open when it is required or already
 * has mapped fields, so long optional sections (address, DND settings) stay out of the way.
 */
export function ObjectField({ frame, segments, shape, depth }: { frame: Frame; segments: PathSegment[]; shape: Extract<FieldShape, { kind: "object" }>; depth: number }) {
  const { values, setValue } = useSchemaForm();
  const path = formatPath(segments);
  const [open, setOpen] = useState(() => frame.required || hasValuesUnder(values, path));
  const wholeMapping = values[path];
  const Chevron = open ? ChevronDownIcon : ChevronRightIcon;
  return (
    <fieldset className="rounded-md border" aria-labelledby={`${frame.id}-legend`} data-field={frame.id}>
      <button
        type="button"
        id={`${frame.id}-legend`}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-1 px-2 py-1.5 text-left text-sm font-medium"
      >
        <Chevron aria-hidden="true" className="size-4 shrink-0" />
        {frame.label}
        {frame.required && (
          <>
            <span className="text-destructive" aria-hidden="true" data-required-mark="">
              *
            </span>
            <span className="sr-only"> (required)</span>
          </>
        )}
      </button>
      {frame.issues.map((issue) => (
        <p key={issue} className="px-2 text-xs text-destructive" role="alert">
          {issue}
        </p>
      ))}
      {open && (
        <div className="space-y-3 border-t px-3 py-3">
          {frame.description && <p className="text-xs text-muted-foreground">{frame.description}</p>}
          {wholeMapping ? (
            // A mapping of the whole object (e.g. from an import) is shown as is.
            <MappingInput aria-label={frame.label} value={wholeMapping} valueType="object" onChange={(m) => setValue(path, m)} />
          ) : (
            orderedProperties(shape).map(([name, child]) => (
              <SchemaField key={name} segments={[...segments, name]} schema={child} required={shape.required.has(name)} depth={depth + 1} />
            ))
          )}
        </div>
      )}
    </fieldset>
  );
}
