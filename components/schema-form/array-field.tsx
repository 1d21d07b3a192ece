"use client";

import { useState } from "react";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { MappingInput } from "@/components/mapper/mapping-input";
import type { JsonSchema } from "@/lib/engine/graph";
import { formatPath, parsePath, type PathSegment } from "@/lib/engine/mapping";
import { FieldFrame, type FieldFrameProps } from "./field-frame";
import { useSchemaForm, type FormValues } from "./form-context";
import { SchemaField } from "./schema-field";

type Frame = Omit<FieldFrameProps, "children">;

/** The path segments of `key` after `prefix`, or undefined when `key` is not below it. */
export function segmentsBelow(key: string, prefix: string): PathSegment[] | undefined {
  try {
    const keySegments = parsePath(key);
    const prefixSegments = parsePath(prefix);
    if (keySegments.length <= prefixSegments.length) return undefined;
    if (!prefixSegments.every((s, i) => String(s) === String(keySegments[i]))) return undefined;
    return keySegments.slice(prefixSegments.length);
  } catch {
    return undefined;
  }
}

/** Highest item index mapped under `prefix` (`tags[2]`, `items[1].name`), plus one. */
export function itemCount(values: FormValues, prefix: string): number {
  let count = 0;
  for (const key of Object.keys(values)) {
    const index = segmentsBelow(key, prefix)?.[0];
    if (typeof index === "number") count = Math.max(count, index + 1);
  }
  return count;
}

/** Keys under `prefix` with item `removed` dropped and later items moved up by one. */
export function withoutItem(values: FormValues, prefix: string, removed: number): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    const [index, ...rest] = segmentsBelow(key, prefix) ?? [];
    if (typeof index !== "number" || index === removed) continue;
    out[formatPath([...parsePath(prefix), index > removed ? index - 1 : index, ...rest])] = value;
  }
  return out;
}

/**
 * A list is either mapped as a whole (a list from an earlier step) or built item by item;
 * each item is a nested field of the item schema.
 */
export function ArrayField({ frame, segments, items, depth }: { frame: Frame; segments: PathSegment[]; items: JsonSchema; depth: number }) {
  const { values, setValue, replaceUnder, readOnly } = useSchemaForm();
  const path = formatPath(segments);
  const [extra, setExtra] = useState(0);
  const [wholeMode, setWholeMode] = useState(false);
  const mapped = itemCount(values, path);
  const count = Math.max(mapped, extra);

  if (values[path] || wholeMode) {
    return (
      <FieldFrame {...frame}>
        <MappingInput id={frame.id} aria-label={frame.label} value={values[path]} valueType="array" onChange={(m) => setValue(path, m)} placeholder="Drop a list field" />
        <Button type="button" variant="link" size="sm" className="h-auto p-0 text-xs" disabled={readOnly} onClick={() => (setWholeMode(false), setValue(path, undefined))}>
          Build the list item by item instead
        </Button>
      </FieldFrame>
    );
  }
  return (
    <FieldFrame {...frame} as="group">
      <div role="group" aria-labelledby={`${frame.id}-label`} className="space-y-2">
        {Array.from({ length: count }, (_, i) => (
          <div key={i} className="flex items-start gap-1 rounded-md border-l-2 pl-2">
            <div className="min-w-0 flex-1">
              <SchemaField segments={[...segments, i]} schema={items} required={false} depth={depth + 1} label={`${frame.label} ${i + 1}`} />
            </div>
            <Button
              type="button"
              variant="ghost"
              size="icon-sm"
              aria-label={`Remove ${frame.label} ${i + 1}`}
              disabled={readOnly}
              onClick={() => {
                replaceUnder(path, withoutItem(values, path, i));
                setExtra(Math.max(0, count - 1));
              }}
            >
              <Trash2Icon aria-hidden="true" />
            </Button>
          </div>
        ))}
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" size="sm" disabled={readOnly} onClick={() => setExtra(count + 1)}>
            <PlusIcon aria-hidden="true" /> Add {frame.label.toLowerCase()} item
          </Button>
          <Button type="button" variant="ghost" size="sm" disabled={readOnly} onClick={() => setWholeMode(true)}>
            Map a whole list
          </Button>
        </div>
      </div>
    </FieldFrame>
  );
}
