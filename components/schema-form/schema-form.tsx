"use client";

import { useMemo } from "react";
import type { JsonSchema } from "@/lib/engine/graph";
import type { Mapping } from "@/lib/engine/mapping";
import { isUnder, SchemaFormContext, type FormValues, type SchemaFormState } from "./form-context";
import { SchemaField } from "./schema-field";
import { describeSchema, orderedProperties } from "./schema-model";

export type SchemaFormProps = {
  /** The operation's input schema, `z.toJSONSchema(op.input)`. */
  schema: JsonSchema;
  /** The action's `inputs`: input path → mapping. */
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** Validation messages by input path (`email`, `address.city`). */
  issues?: Record<string, string[]>;
  readOnly?: boolean;
};

const NO_ISSUES: string[] = [];

/** The input form of any operation, generated from its JSON Schema; every value is a mapping. */
export function SchemaForm({ schema, values, onChange, issues, readOnly = false }: SchemaFormProps) {
  const state = useMemo<SchemaFormState>(
    () => ({
      values,
      root: schema,
      readOnly,
      issuesAt: (path) => issues?.[path] ?? NO_ISSUES,
      setValue(path: string, value: Mapping | undefined) {
        const next = { ...values };
        if (value === undefined) delete next[path];
        else next[path] = value;
        onChange(next);
      },
      replaceUnder(prefix: string, entries: FormValues) {
        const next = Object.fromEntries(Object.entries(values).filter(([key]) => !isUnder(key, prefix)));
        onChange({ ...next, ...entries });
      },
    }),
    [values, schema, readOnly, issues, onChange],
  );
  const { shape } = describeSchema(schema, schema);
  return (
    <SchemaFormContext.Provider value={state}>
      <div className="space-y-4">
        {shape.kind === "object" ? (
          orderedProperties(shape).map(([name, child]) => <SchemaField key={name} segments={[name]} schema={child} required={shape.required.has(name)} depth={0} />)
        ) : (
          <p className="text-sm text-muted-foreground">This step takes no input.</p>
        )}
      </div>
    </SchemaFormContext.Provider>
  );
}
