"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { SearchX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchInput } from "@/components/ui/search-input";
import { filterCatalog } from "./filter-catalog";
import { KIND_LABEL, type CatalogListItem } from "./types";

/** Search over every trigger, action and logic node, grouped by connector and resource. */
export function CatalogBrowser({ items }: { items: CatalogListItem[] }) {
  const [query, setQuery] = useState("");
  const groups = useMemo(() => filterCatalog(items, query), [items, query]);
  return (
    <div className="space-y-6">
      <SearchInput value={query} onValueChange={setQuery} shortcut="/" placeholder="Search triggers and actions…" aria-label="Search the catalog" className="max-w-md" />
      {groups.length === 0 ? (
        <EmptyState icon={SearchX} title="Nothing matches" description={`No trigger or action matches “${query}”. Try a resource such as contact, task or order.`} />
      ) : (
        groups.map((group) => (
          <section key={group.connector} aria-labelledby={`catalog-${group.connector}`} className="space-y-3">
            <h2 id={`catalog-${group.connector}`} className="text-lg font-semibold">
              {group.label}
            </h2>
            <div className="grid gap-4 lg:grid-cols-2">
              {group.resources.map(({ resource, items: entries }) => (
                <Card key={resource} className="gap-3">
                  <CardHeader>
                    <CardTitle className="capitalize">{resource}</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <ul className="divide-y">
                      {entries.map((entry) => (
                        <CatalogRow key={entry.key} entry={entry} />
                      ))}
                    </ul>
                  </CardContent>
                </Card>
              ))}
            </div>
          </section>
        ))
      )}
    </div>
  );
}

function CatalogRow({ entry }: { entry: CatalogListItem }) {
  return (
    <li className="py-2" data-testid="catalog-entry">
      <Link href={`/catalog/${encodeURIComponent(entry.key)}`} className="group flex flex-col gap-0.5 rounded-md focus-visible:outline-2">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-medium group-hover:underline">{entry.label}</span>
          <Badge variant={entry.kind === "trigger" ? "info" : entry.kind === "logic" ? "muted" : "secondary"}>{KIND_LABEL[entry.kind]}</Badge>
          {entry.deprecated && <Badge variant="warning">Deprecated</Badge>}
        </span>
        <span className="font-mono text-xs text-muted-foreground">{entry.key}</span>
        <span className="line-clamp-2 text-sm text-muted-foreground">{entry.description}</span>
      </Link>
    </li>
  );
}
