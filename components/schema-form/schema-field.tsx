"use client";

import { useId } from "react";
import type { JsonSchema } from "@/lib/engine/graph";
import { formatPath, type PathSegment } from "@/lib/engine/mapping";
import { ArrayField } from "./array-field";
import { FieldFrame } from "./field-frame";
import { useSchemaForm } from "./form-context";
import { ChoiceField, ValueField } from "./leaf-fields";
import { ObjectField } from "./object-field";
import { RecordField } from "./record-field";
import { describeSchema, humanize } from "./schema-model";

export type SchemaFieldProps = {
  segments: PathSegment[];
  schema: JsonSchema;
  required: boolean;
  depth: number;
  /** Overrides the label made from the last path segment (array items say "Item 2"). */
  label?: string;
};

/** One input of an operation, edited according to its JSON Schema shape. */
export function SchemaField({ segments, schema, required, depth, label }: SchemaFieldProps) {
  const { root, issuesAt } = useSchemaForm();
  const id = useId();
  const path = formatPath(segments);
  const { shape, schema: resolved } = describeSchema(schema, root, depth);
  const name = label ?? humanize(String(segments.at(-1) ?? "value"));
  const description = typeof resolved.description === "string" ? resolved.description : undefined;
  const frame = { id, label: name, required, description, issues: issuesAt(path) };

  switch (shape.kind) {
    case "object":
      return <ObjectField frame={frame} segments={segments} shape={shape} depth={depth} />;
    case "array":
      return <ArrayField frame={frame} segments={segments} items={shape.items} depth={depth} />;
    case "record":
      return <RecordField frame={frame} segments={segments} values={shape.values} depth={depth} />;
    case "enum":
    case "boolean":
      return (
        <FieldFrame {...frame}>
          <ChoiceField id={id} path={path} name={name} options={shape.kind === "enum" ? shape.options : [true, false]} describedBy={description ? `${id}-help` : undefined} />
        </FieldFrame>
      );
    case "value":
      return (
        <FieldFrame {...frame}>
          <ValueField id={id} path={path} name={name} valueType={shape.valueType} format={shape.format} describedBy={description ? `${id}-help` : undefined} invalid={frame.issues.length > 0} />
        </FieldFrame>
      );
  }
}
