"use client";

import { useState } from "react";
import { ChevronDownIcon, ChevronRightIcon, GripVerticalIcon } from "lucide-react";
import { SearchInput } from "@/components/ui/search-input";
import { formatRef, parsePath } from "@/lib/engine/mapping";
import { REF_MIME, useMapper } from "./mapper-context";
import type { MapperSource } from "./mapper-sources";
import { TypeTag, ValueExample } from "./value-bits";

const ORIGIN_NOTES = { test: "from the last test", example: "example data", schema: "fields from the schema, no sample yet" } as const;

/**
 * The data of every earlier step as a searchable tree. Drag a field onto an input, or
 * click it to insert into the input that last had focus.
 */
export function SampleTree() {
  const { sources } = useMapper();
  const [query, setQuery] = useState("");
  if (sources.length === 0) {
    return <p className="p-3 text-sm text-muted-foreground">No data from earlier steps. Connect this step after the trigger and test the trigger to see real fields.</p>;
  }
  return (
    <div className="flex min-h-0 flex-col">
      <div className="p-2">
        <SearchInput value={query} onValueChange={setQuery} aria-label="Search sample fields" placeholder="Search fields…" />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-1 pb-2" role="tree" aria-label="Data from earlier steps">
        {sources.map((source) => (
          <SourceBranch key={source.nodeId} source={source} query={query.trim().toLowerCase()} />
        ))}
      </div>
    </div>
  );
}

function SourceBranch({ source, query }: { source: MapperSource; query: string }) {
  const { activeInputRef, readOnly } = useMapper();
  const [open, setOpen] = useState(true);
  const paths = query ? source.paths.filter((p) => p.path.toLowerCase().includes(query)) : source.paths;
  const Chevron = open || query ? ChevronDownIcon : ChevronRightIcon;
  return (
    <div role="treeitem" aria-expanded={open} aria-selected={false}>
      <button type="button" className="flex w-full items-center gap-1 rounded px-1 py-1 text-left text-sm font-medium hover:bg-accent" onClick={() => setOpen(!open)}>
        <Chevron aria-hidden="true" className="size-4" />
        <span className="truncate">{source.label}</span>
        <span className="ml-auto shrink-0 text-xs font-normal text-muted-foreground">{ORIGIN_NOTES[source.origin]}</span>
      </button>
      {(open || query) && (
        <ul role="group">
          {paths.slice(0, 300).map((p) => {
            const depth = safeDepth(p.path);
            const ref = { kind: "ref" as const, node: source.nodeId, path: p.path };
            return (
              <li key={p.path} role="treeitem" aria-selected={false}>
                <button
                  type="button"
                  draggable={!readOnly}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(REF_MIME, formatRef(ref));
                    e.dataTransfer.setData("text/plain", `{{ ${formatRef(ref)} }}`);
                    e.dataTransfer.effectAllowed = "copy";
                  }}
                  onClick={() => activeInputRef.current?.(ref)}
                  title={`Drag onto a field, or click to insert into the last field you edited (${formatRef(ref)})`}
                  aria-label={`${source.label} · ${p.path} (${p.type})`}
                  className="group flex w-full cursor-grab items-center gap-1.5 rounded py-0.5 pr-1 text-left hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
                  style={{ paddingLeft: `${0.5 + depth * 0.75}rem` }}
                >
                  <GripVerticalIcon aria-hidden="true" className="size-3 shrink-0 text-muted-foreground opacity-0 group-hover:opacity-100" />
                  <span className="min-w-0 truncate font-mono text-xs">{lastSegment(p.path)}</span>
                  <TypeTag type={p.type} />
                  <ValueExample value={p.example} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function safeDepth(path: string): number {
  try {
    return parsePath(path).length - 1;
  } catch {
    return 0;
  }
}

function lastSegment(path: string): string {
  try {
    const last = parsePath(path).at(-1);
    return typeof last === "number" ? `[${last}]` : String(last ?? path);
  } catch {
    return path;
  }
}
