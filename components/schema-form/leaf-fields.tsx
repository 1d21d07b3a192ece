"use client";

import { useState } from "react";
import { Link2Icon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { MappingInput } from "@/components/mapper/mapping-input";
import type { ValueTypeName } from "@/lib/engine/mapping";
import { useSchemaForm } from "./form-context";

type LeafProps = { id: string; path: string; name: string; describedBy?: string };

const FORMAT_HINTS: Record<string, string> = {
  "date-time": "Date and time, e.g. 2026-05-01T14:00:00Z",
  date: "Date, e.g. 2026-05-01",
  email: "Email address",
  uri: "Web address",
};

/** Text, numbers, dates, free-form values: a mapping input (text with field pills). */
export function ValueField({ id, path, name, describedBy, valueType, format, invalid }: LeafProps & { valueType: ValueTypeName; format?: string; invalid?: boolean }) {
  const { values, setValue } = useSchemaForm();
  return (
    <MappingInput
      id={id}
      aria-label={name}
      aria-describedby={describedBy}
      value={values[path]}
      valueType={valueType}
      invalid={invalid}
      placeholder={format ? FORMAT_HINTS[format] : undefined}
      onChange={(mapping) => setValue(path, mapping)}
    />
  );
}

const optionLabel = (value: unknown) => (value === true ? "Yes" : value === false ? "No" : String(value));

/**
 * Enums and booleans: a select of the allowed values, or, after "Map a field", a mapping
 * input so the value can come from an earlier step.
 */
export function ChoiceField({ id, path, name, describedBy, options }: LeafProps & { options: unknown[] }) {
  const { values, setValue, readOnly } = useSchemaForm();
  const value = values[path];
  const isFixed = !value || value.kind === "literal";
  const [mapping, setMapping] = useState(!isFixed);
  if (mapping || !isFixed) {
    return (
      <div className="space-y-1">
        <MappingInput id={id} aria-label={name} aria-describedby={describedBy} value={value} onChange={(m) => setValue(path, m)} />
        <Button
          type="button"
          variant="link"
          size="sm"
          className="h-auto p-0 text-xs"
          disabled={readOnly}
          onClick={() => {
            setMapping(false);
            setValue(path, undefined);
          }}
        >
          Choose a fixed value instead
        </Button>
      </div>
    );
  }
  const current = value?.kind === "literal" ? options.findIndex((o) => o === value.value) : -1;
  return (
    <div className="flex items-center gap-1">
      <select
        id={id}
        aria-describedby={describedBy}
        disabled={readOnly}
        className="h-9 min-w-0 flex-1 rounded-md border border-input bg-transparent px-2 text-sm shadow-xs dark:bg-input/30"
        value={String(current)}
        onChange={(e) => {
          const i = Number(e.target.value);
          setValue(path, i < 0 ? undefined : { kind: "literal", value: options[i] });
        }}
      >
        <option value="-1">Not set</option>
        {options.map((option, i) => (
          <option key={i} value={String(i)}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
      <Button type="button" variant="ghost" size="icon-sm" aria-label={`Map ${name} from a field`} title="Map from a field" disabled={readOnly} onClick={() => setMapping(true)}>
        <Link2Icon aria-hidden="true" />
      </Button>
    </div>
  );
}
