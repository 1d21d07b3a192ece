import Link from "next/link";
import { notFound } from "next/navigation";
import { TriangleAlert } from "lucide-react";
import { SchemaTable } from "@/components/catalog/schema-table";
import { KIND_LABEL } from "@/components/catalog/types";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { catalogEntry } from "@/lib/engine/catalog";

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props) {
  const entry = catalogEntry(decodeURIComponent((await params).key));
  return { title: entry ? `${entry.label} · Catalog` : "Catalog" };
}

export default async function CatalogEntryPage({ params }: Props) {
  await requireUser("viewer");
  const entry = catalogEntry(decodeURIComponent((await params).key));
  if (!entry) notFound();
  const replacement = entry.deprecated?.useInstead ? catalogEntry(entry.deprecated.useInstead) : undefined;
  const example = entry.kind === "trigger" ? entry.example?.output : entry.example;
  return (
    <div className="space-y-6">
      <PageHeader title={entry.label} description={entry.description}>
        <Link href="/catalog" className="text-sm text-muted-foreground hover:underline">
          ← Catalog
        </Link>
      </PageHeader>
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant="secondary">{KIND_LABEL[entry.kind]}</Badge>
        <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{entry.key}</code>
        {entry.delivery && <Badge variant="info">{entry.delivery === "webhook" ? "Instant (webhook)" : "Polled on a schedule"}</Badge>}
        {entry.scopes.map((scope) => (
          <Badge key={scope} variant="outline" title="Permission the connection needs">
            {scope}
          </Badge>
        ))}
      </div>
      {entry.deprecated && (
        <Alert variant="warning" data-testid="deprecated-notice">
          <TriangleAlert />
          <AlertTitle>Deprecated</AlertTitle>
          <AlertDescription>
            {entry.deprecated.reason}
            {entry.deprecated.useInstead && (
              <span>
                {" "}Use{" "}
                <Link className="underline" href={`/catalog/${encodeURIComponent(entry.deprecated.useInstead)}`}>
                  {replacement?.label ?? entry.deprecated.useInstead}
                </Link>{" "}
                instead.
              </span>
            )}
          </AlertDescription>
        </Alert>
      )}
      {entry.kind !== "trigger" && (
        <Card>
          <CardHeader>
            <CardTitle>{entry.kind === "logic" ? "Settings" : "Input"}</CardTitle>
          </CardHeader>
          <CardContent>
            <SchemaTable schema={entry.inputSchema} emptyText="This step takes no input." />
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>{entry.kind === "trigger" ? "Payload" : "Output"}</CardTitle>
        </CardHeader>
        <CardContent>
          <SchemaTable schema={entry.outputSchema} emptyText="This step returns nothing later steps can map from." />
        </CardContent>
      </Card>
      {example !== undefined && (
        <Card>
          <CardHeader>
            <CardTitle>Example</CardTitle>
          </CardHeader>
          <CardContent>
            <pre className="max-h-[32rem] overflow-auto rounded-md bg-muted p-4 font-mono text-xs" data-testid="catalog-example">
              {JSON.stringify(example, null, 2)}
            </pre>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
