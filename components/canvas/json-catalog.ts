/**
 * A `GraphCatalog` built from the JSON catalog the page receives, so the browser can run
 * `validateGraph` without the connector registry (which pulls in server-only code).
 *
 * Validation only ever reads operation schemas through `z.toJSONSchema`, so each JSON
 * Schema is wrapped in `z.unknown().meta(schema)`: zod copies metadata into its JSON
 * Schema output, which gives back the original schema unchanged.
 */
import { z } from "zod";
import type { CatalogOperation, CatalogTrigger, GraphCatalog, JsonSchema } from "@/lib/engine/graph";
import type { CatalogEntry } from "./types";

function schemaAsZod(schema: JsonSchema): z.ZodType {
  // `id` in metadata would make zod emit a $defs reference; `$schema` is written by zod itself.
  const { $schema: _schema, id: _id, ...rest } = schema;
  return z.unknown().meta(rest);
}

export type JsonGraphCatalog = GraphCatalog & {
  entry(key: string): CatalogEntry | undefined;
  /** Those of `keys` whose entries came without schemas (the page sends unused steps lean). */
  omitted(keys: Iterable<string>): string[];
  /** A catalog with these (full) entries in place of the lean ones. */
  withEntries(loaded: readonly CatalogEntry[]): JsonGraphCatalog;
};

export function jsonCatalog(entries: readonly CatalogEntry[]): JsonGraphCatalog {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const operations = new Map<string, CatalogOperation>();
  const triggers = new Map<string, CatalogTrigger>();
  for (const entry of entries) {
    if (entry.kind === "action") {
      operations.set(entry.key, { label: entry.label, connector: entry.connector, input: schemaAsZod(entry.inputSchema), output: schemaAsZod(entry.outputSchema) });
    } else if (entry.kind === "trigger") {
      triggers.set(entry.key, { label: entry.label, payload: schemaAsZod(entry.outputSchema) });
    }
  }
  return {
    getOperation: (key) => operations.get(key),
    getTrigger: (key) => triggers.get(key),
    entry: (key) => byKey.get(key),
    omitted: (keys) => [...new Set(keys)].filter((key) => byKey.get(key)?.schemasOmitted),
    withEntries: (loaded) => {
      const replaced = new Map(loaded.map((entry) => [entry.key, entry]));
      return jsonCatalog(entries.map((entry) => replaced.get(entry.key) ?? entry));
    },
  };
}

/** The example output of an entry: `sample`, else the server's `example.output`. */
export function entrySample(entry: CatalogEntry | undefined): unknown {
  return entry?.sample ?? entry?.example?.output;
}
