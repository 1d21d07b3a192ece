"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toaster";
import type { WorkflowGraph } from "@/lib/engine/graph";
import { jsonCatalog, type JsonGraphCatalog } from "./json-catalog";
import { catalogKeyOf } from "./node-factory";
import type { CatalogEntry } from "./types";

/**
 * The editor's catalog. The page sends full entries (schemas, example) only for the steps
 * the workflow uses; when another kind of step enters the graph (insert, paste, a new
 * trigger), its entry is loaded. `complete`: every step of the graph has its schemas, so
 * validation and the mapper can trust them.
 */
export function useCatalog(initial: readonly CatalogEntry[], graph: WorkflowGraph, load: ((keys: string[]) => Promise<CatalogEntry[]>) | undefined) {
  const [catalog, setCatalog] = useState(() => jsonCatalog(initial));
  const requested = useRef(new Set<string>());
  const missing = catalog.omitted(graph.nodes.map(catalogKeyOf));

  const wanted = missing.join("\n");
  useEffect(() => {
    const keys = wanted ? wanted.split("\n").filter((key) => !requested.current.has(key)) : [];
    if (!load || keys.length === 0) return;
    keys.forEach((key) => requested.current.add(key));
    load(keys).then(
      (entries) => setCatalog((current) => current.withEntries(entries)),
      (error: unknown) => {
        // Forgotten, so the next change of what is missing asks again.
        keys.forEach((key) => requested.current.delete(key));
        toast.error("Couldn't load the step's fields", error instanceof Error ? error.message : String(error));
      },
    );
  }, [load, wanted]);

  return { catalog, complete: !load || missing.length === 0 } satisfies { catalog: JsonGraphCatalog; complete: boolean };
}
