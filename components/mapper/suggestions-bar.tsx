"use client";

import { useMemo } from "react";
import { SparklesIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { JsonSchema } from "@/lib/engine/graph";
import type { Mapping } from "@/lib/engine/mapping";
import { useMapper } from "./mapper-context";
import { schemaPaths } from "./schema-paths";
import { suggestMappings, type TargetField } from "./suggestions";

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** Inputs of the schema that nothing maps yet (leaf fields, not list items). */
export function unmappedTargets(schema: JsonSchema, values: Record<string, Mapping>): TargetField[] {
  const mapped = Object.keys(values);
  return schemaPaths(schema)
    .filter((p) => !/\[\d+\]/.test(p.path) && p.type !== "object")
    .filter((p) => !mapped.some((m) => isUnder(p.path, m) || isUnder(m, p.path)))
    .map((p) => ({ path: p.path, type: p.type }));
}

/** One-click mapping suggestions by field name and type, shown above the input form. */
export function SuggestionsBar({ schema, values, onApply }: { schema: JsonSchema; values: Record<string, Mapping>; onApply: (entries: Record<string, Mapping>) => void }) {
  const { sources, readOnly } = useMapper();
  const suggestions = useMemo(() => suggestMappings(unmappedTargets(schema, values), sources), [schema, values, sources]);
  if (suggestions.length === 0 || readOnly) return null;
  return (
    <section aria-label="Suggested mappings" className="space-y-1.5 rounded-md border border-dashed p-2">
      <div className="flex items-center gap-1.5 text-xs font-medium">
        <SparklesIcon aria-hidden="true" className="size-3.5 text-primary" /> Suggestions
        {suggestions.length > 1 && (
          <Button type="button" variant="link" size="sm" className="ml-auto h-auto p-0 text-xs" onClick={() => onApply(Object.fromEntries(suggestions.map((s) => [s.field, s.mapping])))}>
            Apply all {suggestions.length}
          </Button>
        )}
      </div>
      <ul className="flex flex-wrap gap-1">
        {suggestions.map((s) => (
          <li key={s.field}>
            <button
              type="button"
              onClick={() => onApply({ [s.field]: s.mapping })}
              className="rounded-full border bg-background px-2 py-0.5 text-xs hover:border-ring hover:bg-accent"
              aria-label={`Map ${s.field} from ${s.from}`}
            >
              <span className="font-medium">{s.field}</span> ← {s.from}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
