"use client";

import { memo, useDeferredValue, useId, useMemo, useState } from "react";
import { SearchInput } from "@/components/ui/search-input";
import { cn } from "@/lib/utils";
import { CONNECTOR_TONES } from "./node-visuals";
import { StepIcon } from "./nodes/step-icon";
import { filterEntries, groupEntries, STEP_MIME } from "./palette-groups";
import type { CatalogEntry } from "./types";

export type PaletteProps = {
  catalog: readonly CatalogEntry[];
  onInsert: (entry: CatalogEntry) => void;
  /** Where a pick lands, e.g. "after “Find contact”"; shown under the search box. */
  insertHint: string;
  disabled?: boolean;
};

const KIND_TAGS = { trigger: "Trigger", action: "Action", logic: "Logic" } as const;

/**
 * Searchable list of every step. Keyboard: type to filter, ↑/↓ to move, Enter to insert
 * (focus stays in the search box, the active item is announced via aria-activedescendant).
 * Mouse: click to insert or drag onto the canvas.
 */
function PaletteView({ catalog, onInsert, insertHint, disabled }: PaletteProps) {
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const listId = useId();
  const groups = useMemo(() => groupEntries(filterEntries(catalog, deferredQuery)), [catalog, deferredQuery]);
  const flat = useMemo(() => groups.flatMap((g) => g.entries), [groups]);
  const indexOf = useMemo(() => new Map(flat.map((entry, i) => [entry.key, i])), [flat]);
  const activeIndex = Math.min(active, flat.length - 1);
  const optionId = (i: number) => `${listId}-${i}`;

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = (activeIndex + step + flat.length) % Math.max(flat.length, 1);
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView?.({ block: "nearest" });
    } else if (event.key === "Enter" && flat[activeIndex] && !disabled) {
      event.preventDefault();
      onInsert(flat[activeIndex]);
    }
  };

  return (
    <aside aria-label="Steps" className="flex h-full min-h-0 w-72 shrink-0 flex-col border-r bg-background">
      <div className="space-y-1.5 border-b p-3">
        <SearchInput
          value={query}
          onValueChange={(value) => {
            setQuery(value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          aria-label="Search steps"
          placeholder="Search steps…"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={flat.length > 0 ? optionId(activeIndex) : undefined}
          shortcut="mod+k"
          // The editor's "/" shortcut and the edge "+" button focus the box through this hook.
          data-palette-search=""
        />
        <p className="text-xs text-muted-foreground">{insertHint}</p>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <ul id={listId} role="listbox" aria-label="Available steps" className="pb-4">
          {groups.map((group) => (
            <li key={group.id} role="presentation">
              <div className="sticky top-0 z-10 bg-background/95 px-3 pt-3 pb-1 text-xs font-semibold text-muted-foreground backdrop-blur" aria-hidden="true">
                {group.title}
              </div>
              <ul role="group" aria-label={group.title}>
                {group.entries.map((entry) => {
                  const i = indexOf.get(entry.key) ?? 0;
                  return (
                    <li
                      key={entry.key}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === activeIndex}
                      aria-disabled={disabled || undefined}
                      draggable={!disabled}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(STEP_MIME, entry.key);
                        event.dataTransfer.effectAllowed = "copy";
                      }}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => !disabled && onInsert(entry)}
                      className={cn("mx-1.5 flex cursor-pointer gap-2 rounded-md px-2 py-1.5", i === activeIndex && "bg-accent text-accent-foreground")}
                    >
                      <span className={cn("mt-0.5 flex size-6 shrink-0 items-center justify-center rounded", CONNECTOR_TONES[entry.connector] ?? CONNECTOR_TONES.logic)}>
                        <StepIcon kind={entry.kind === "logic" ? entry.key.replace("logic.", "") : entry.kind} resource={entry.resource} className="size-3.5" />
                      </span>
                      <span className="min-w-0 flex-1">
                        <span className="flex items-center gap-1.5 text-sm leading-5 font-medium">
                          <span className="truncate">{entry.label}</span>
                          <span className="shrink-0 text-[0.65rem] font-normal tracking-wide text-muted-foreground uppercase">{KIND_TAGS[entry.kind]}</span>
                        </span>
                        <span className="line-clamp-2 text-xs text-muted-foreground">{entry.description}</span>
                        {entry.deprecated && (
                          <span className="mt-0.5 block text-xs text-warning">
                            Deprecated: {entry.deprecated.reason}
                            {entry.deprecated.useInstead && ` Use ${entry.deprecated.useInstead} instead.`}
                          </span>
                        )}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        {flat.length === 0 && <p className="p-4 text-sm text-muted-foreground">No step matches “{query}”.</p>}
      </div>
    </aside>
  );
}

/** Memoized: the editor re-renders on every drag frame, the palette need not. */
export const Palette = memo(PaletteView);
