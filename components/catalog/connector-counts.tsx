import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConnectorCount } from "@/lib/engine/catalog";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One card per connector: how many triggers and actions it offers. */
export function ConnectorCounts({ counts }: { counts: ConnectorCount[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="connector-counts">
      {counts.map((count) => (
        <Card key={count.connector} className="gap-2 py-4">
          <CardHeader className="px-4">
            <CardTitle className="text-sm">{count.label}</CardTitle>
          </CardHeader>
          <CardContent className="px-4 text-sm text-muted-foreground">
            {count.connector === "logic" ? plural(count.logic, "node") : `${plural(count.triggers, "trigger")} · ${plural(count.actions, "action")}`}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
