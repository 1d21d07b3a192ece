import { CatalogBrowser } from "@/components/catalog/catalog-browser";
import { ConnectorCounts } from "@/components/catalog/connector-counts";
import type { CatalogListItem } from "@/components/catalog/types";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { catalogCounts, catalogEntries } from "@/lib/engine/catalog";

export const metadata = { title: "Catalog" };

export default async function CatalogPage() {
  await requireUser("viewer");
  const counts = catalogCounts();
  const labels = new Map(counts.map((c) => [c.connector, c.label]));
  const items: CatalogListItem[] = catalogEntries().map((entry) => ({
    key: entry.key,
    kind: entry.kind,
    connector: entry.connector,
    connectorLabel: labels.get(entry.connector) ?? entry.connector,
    resource: entry.resource,
    label: entry.label,
    description: entry.description,
    deprecated: Boolean(entry.deprecated),
    delivery: entry.delivery,
  }));
  return (
    <div className="space-y-6">
      <PageHeader title="Catalog" description="Every trigger, action and logic step a workflow can use, with the fields each one takes and returns." />
      <ConnectorCounts counts={counts} />
      <CatalogBrowser items={items} />
    </div>
  );
}
