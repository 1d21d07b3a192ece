"use client";

import { useId, useMemo } from "react";
import { PlusIcon, Trash2Icon } from "lucide-react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { JsonSchema } from "@/lib/engine/graph";
import { mappingSchema, type Mapping, type TransformDefinition } from "@/lib/engine/mapping";
import { MappingInput } from "./mapping-input";

type Params = Record<string, unknown>;

const paramSchemas = new WeakMap<TransformDefinition, JsonSchema>();

function schemaOf(definition: TransformDefinition): JsonSchema {
  let schema = paramSchemas.get(definition);
  if (!schema) {
    schema = z.toJSONSchema(definition.params, { io: "input", unrepresentable: "any" }) as JsonSchema;
    paramSchemas.set(definition, schema);
  }
  return schema;
}

/** Small inputs generated from a transform's params schema; mapping params get a mapping input. */
export function TransformParams({ definition, params, onChange }: { definition: TransformDefinition; params: Params; onChange: (params: Params) => void }) {
  const schema = useMemo(() => schemaOf(definition), [definition]);
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0) return <p className="text-xs text-muted-foreground">No settings.</p>;
  return (
    <div className="space-y-3">
      {entries.map(([name, prop]) => (
        <ParamField
          key={name}
          name={name}
          schema={prop}
          isMapping={definition.mappingParams?.includes(name) ?? false}
          value={params[name]}
          onChange={(value) => onChange({ ...params, [name]: value })}
        />
      ))}
    </div>
  );
}

type FieldProps = { name: string; schema: JsonSchema; isMapping?: boolean; value: unknown; onChange: (value: unknown) => void };

function ParamField({ name, schema, isMapping, value, onChange }: FieldProps) {
  const id = useId();
  const description = typeof schema.description === "string" ? schema.description : undefined;
  const label = name.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-xs font-medium">
        {label}
      </label>
      <ParamControl id={id} name={label} schema={schema} isMapping={isMapping} value={value} onChange={onChange} />
      {description && <p className="text-xs text-muted-foreground">{description}</p>}
    </div>
  );
}

function ParamControl({ id, name, schema, isMapping, value, onChange }: FieldProps & { id: string }) {
  if (isMapping) {
    const parsed = mappingSchema.safeParse(value);
    const mapping: Mapping | undefined = parsed.success ? parsed.data : value === undefined ? undefined : { kind: "literal", value };
    return <MappingInput id={id} aria-label={name} value={mapping} onChange={onChange} allowTransforms={false} showPreview={false} />;
  }
  if (Array.isArray(schema.enum)) {
    return (
      <select id={id} className="h-8 w-full rounded-md border bg-transparent px-2 text-sm" value={String(value ?? schema.default ?? "")} onChange={(e) => onChange(e.target.value)}>
        {schema.enum.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  }
  if (schema.type === "boolean") {
    return <input id={id} type="checkbox" className="size-4" checked={Boolean(value ?? schema.default)} onChange={(e) => onChange(e.target.checked)} />;
  }
  if (schema.type === "number" || schema.type === "integer") {
    return <Input id={id} type="number" className="h-8" value={value === undefined ? "" : String(value)} onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} />;
  }
  if (schema.type === "array" && schema.items && !Array.isArray(schema.items) && schema.items.properties) {
    return <RowsParam id={id} item={schema.items} value={Array.isArray(value) ? (value as Params[]) : []} onChange={onChange} />;
  }
  return <Input id={id} className="h-8" value={value === undefined || value === null ? "" : String(value)} onChange={(e) => onChange(e.target.value)} />;
}

/** Arrays of small objects, e.g. the lookup table's "from → to" rows. */
function RowsParam({ id, item, value, onChange }: { id: string; item: JsonSchema; value: Params[]; onChange: (value: unknown) => void }) {
  const columns = Object.keys(item.properties ?? {});
  return (
    <div id={id} className="space-y-1.5">
      {value.map((row, i) => (
        <div key={i} className="flex items-center gap-1.5">
          {columns.map((column) => (
            <Input
              key={column}
              aria-label={`Row ${i + 1} ${column}`}
              placeholder={column}
              className="h-8"
              value={row[column] === undefined ? "" : String(row[column])}
              onChange={(e) => onChange(value.map((r, j) => (j === i ? { ...r, [column]: e.target.value } : r)))}
            />
          ))}
          <Button type="button" variant="ghost" size="icon-sm" aria-label={`Remove row ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            <Trash2Icon aria-hidden="true" />
          </Button>
        </div>
      ))}
      <Button type="button" variant="outline" size="sm" onClick={() => onChange([...value, Object.fromEntries(columns.map((c) => [c, ""]))])}>
        <PlusIcon aria-hidden="true" /> Add row
      </Button>
    </div>
  );
}
