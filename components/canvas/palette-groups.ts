/** Palette search and grouping, kept pure so it is cheap to test and to re-run per keystroke. */
import { CONNECTOR_LABELS } from "./node-visuals";
import type { CatalogEntry } from "./types";

export type PaletteGroup = { id: string; connector: string; resource: string; title: string; entries: CatalogEntry[] };

export const STEP_MIME = "application/x-bloombridge-step";

const CONNECTOR_ORDER = ["logic", "ghl", "details-flowers", "webhook"];
const KIND_ORDER = { trigger: 0, action: 1, logic: 2 } as const;

function haystack(entry: CatalogEntry): string {
  return [entry.label, entry.description, entry.key, entry.resource, CONNECTOR_LABELS[entry.connector] ?? entry.connector].join(" ").toLowerCase();
}

/** Every word of the query must appear somewhere in the entry's words. */
export function filterEntries(entries: readonly CatalogEntry[], query: string): CatalogEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = haystack(entry);
    return words.every((word) => text.includes(word));
  });
}

const titleCase = (text: string) => text.replace(/[-_]/g, " ").replace(/^\w/, (c) => c.toUpperCase());

export function groupEntries(entries: readonly CatalogEntry[]): PaletteGroup[] {
  const groups = new Map<string, PaletteGroup>();
  for (const entry of entries) {
    const id = `${entry.connector}/${entry.resource}`;
    let group = groups.get(id);
    if (!group) {
      const connectorLabel = CONNECTOR_LABELS[entry.connector] ?? entry.connector;
      const title = entry.connector === "logic" ? "Logic" : `${connectorLabel} · ${titleCase(entry.resource)}`;
      groups.set(id, (group = { id, connector: entry.connector, resource: entry.resource, title, entries: [] }));
    }
    group.entries.push(entry);
  }
  const rank = (connector: string) => {
    const i = CONNECTOR_ORDER.indexOf(connector);
    return i < 0 ? CONNECTOR_ORDER.length : i;
  };
  const sorted = [...groups.values()].sort((a, b) => rank(a.connector) - rank(b.connector));
  for (const group of sorted) group.entries.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return sorted;
}
