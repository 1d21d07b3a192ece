"use client";

import { useState } from "react";
import { PlusIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { SearchInput } from "@/components/ui/search-input";
import type { RefMapping } from "@/lib/engine/mapping";
import { useMapper } from "./mapper-context";
import { TypeTag, ValueExample } from "./value-bits";

/** "+" next to a mapping input: pick a field from an earlier step without dragging. */
export function FieldPicker({ onPick, fieldName }: { onPick: (ref: RefMapping) => void; fieldName: string }) {
  const { sources, readOnly } = useMapper();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button type="button" variant="ghost" size="icon-sm" aria-label={`Insert a field into ${fieldName}`} title="Insert a field" disabled={readOnly}>
          <PlusIcon aria-hidden="true" />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0">
        <div className="border-b p-2">
          <SearchInput value={query} onValueChange={setQuery} aria-label="Search fields" placeholder="Search fields…" autoFocus />
        </div>
        <div className="max-h-72 overflow-y-auto p-1">
          {sources.length === 0 && <p className="p-3 text-sm text-muted-foreground">No earlier step has data yet. Connect this step after the trigger.</p>}
          {sources.map((source) => {
            const paths = source.paths.filter((p) => !q || p.path.toLowerCase().includes(q) || source.label.toLowerCase().includes(q));
            if (paths.length === 0) return null;
            return (
              <div key={source.nodeId} role="group" aria-label={source.label}>
                <div className="px-2 pt-2 pb-1 text-xs font-semibold text-muted-foreground">{source.label}</div>
                {paths.slice(0, 200).map((p) => (
                  <button
                    key={p.path}
                    type="button"
                    className="flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
                    onClick={() => {
                      onPick({ kind: "ref", node: source.nodeId, path: p.path });
                      setOpen(false);
                    }}
                  >
                    <span className="min-w-0 flex-1 truncate font-mono text-xs">{p.path}</span>
                    <ValueExample value={p.example} />
                    <TypeTag type={p.type} />
                  </button>
                ))}
              </div>
            );
          })}
        </div>
      </PopoverContent>
    </Popover>
  );
}
