"use client";

import { useState } from "react";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MappingInput } from "@/components/mapper/mapping-input";
import type { JsonSchema } from "@/lib/engine/graph";
import { formatPath, type PathSegment } from "@/lib/engine/mapping";
import { segmentsBelow } from "./array-field";
import { FieldFrame, type FieldFrameProps } from "./field-frame";
import { useSchemaForm, type FormValues } from "./form-context";

type Frame = Omit<FieldFrameProps, "children">;

/** Objects with free keys (custom fields by key): rows of key + mapped value. */
export function RecordField({ frame, segments, depth }: { frame: Frame; segments: PathSegment[]; values: JsonSchema; depth: number }) {
  const { values, setValue, replaceUnder, readOnly } = useSchemaForm();
  const path = formatPath(segments);
  const [pending, setPending] = useState<string[]>([]);
  const mappedKeys = [...new Set(Object.keys(values).flatMap((key) => {
    const below = segmentsBelow(key, path);
    return below && below.length === 1 ? [String(below[0])] : [];
  }))];
  const keys = [...mappedKeys, ...pending.filter((k) => !mappedKeys.includes(k))];

  const rename = (from: string, to: string) => {
    if (!mappedKeys.includes(from)) return setPending(pending.map((k) => (k === from ? to : k)));
    const next: FormValues = {};
    for (const key of mappedKeys) next[formatPath([...segments, key === from ? to : key])] = values[formatPath([...segments, key])];
    replaceUnder(path, next);
  };

  return (
    <FieldFrame {...frame} as="group">
      <div role="group" aria-labelledby={`${frame.id}-label`} className="space-y-2" data-depth={depth}>
        {keys.map((key, i) => (
          <div key={i} className="flex items-start gap-1">
            <Input aria-label={`${frame.label} key ${i + 1}`} className="h-9 w-32" value={key} disabled={readOnly} onChange={(e) => rename(key, e.target.value.replace(/[^A-Za-z0-9_$]/g, "_"))} />
            <div className="min-w-0 flex-1">
              <MappingInput aria-label={`${frame.label} ${key || `value ${i + 1}`}`} value={key ? values[formatPath([...segments, key])] : undefined} onChange={(m) => key && setValue(formatPath([...segments, key]), m)} showPreview={false} />
            </div>
            <Button type="button" variant="ghost" size="icon-sm" aria-label={`Remove ${key || `row ${i + 1}`}`} disabled={readOnly} onClick={() => (setPending(pending.filter((k) => k !== key)), key && setValue(formatPath([...segments, key]), undefined))}>
              <Trash2Icon aria-hidden="true" />
            </Button>
          </div>
        ))}
        <Button type="button" variant="outline" size="sm" disabled={readOnly} onClick={() => setPending([...pending, `key${keys.length + 1}`])}>
          <PlusIcon aria-hidden="true" /> Add entry
        </Button>
      </div>
    </FieldFrame>
  );
}
