import type { CatalogListItem } from "./types";

export type CatalogGroup = { connector: string; label: string; resources: { resource: string; items: CatalogListItem[] }[] };

/** Entries matching every word of the query (key, label, description, resource), grouped by connector then resource. */
export function filterCatalog(items: CatalogListItem[], query: string): CatalogGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = items.filter((item) => {
    const text = `${item.key} ${item.label} ${item.description} ${item.resource} ${item.kind}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const groups = new Map<string, CatalogGroup>();
  for (const item of matches) {
    const group = groups.get(item.connector) ?? { connector: item.connector, label: item.connectorLabel, resources: [] };
    let resource = group.resources.find((r) => r.resource === item.resource);
    if (!resource) group.resources.push((resource = { resource: item.resource, items: [] }));
    resource.items.push(item);
    groups.set(item.connector, group);
  }
  return [...groups.values()];
}
