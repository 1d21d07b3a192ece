import { BellOff } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Delivery = { id: string; kind: string; channel: string; target: string | null; status: string; subject: string; error: string | null; createdAt: string };

const STATUS_TEXT: Record<string, string> = { pending: "Sending", sent: "Delivered", logged: "Logged (no SMTP)", failed: "Failed" };

export function AlertDeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recent alert deliveries</CardTitle>
      </CardHeader>
      <CardContent>
        {deliveries.length === 0 ? (
          <EmptyState icon={BellOff} title="No alerts sent yet" description="Failed runs, automatic pauses and test alerts appear here." />
        ) : (
          <Table data-testid="alert-deliveries">
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Alert</TableHead>
                <TableHead>Channel</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {deliveries.map((d) => (
                <TableRow key={d.id}>
                  <TableCell className="whitespace-nowrap">{new Date(d.createdAt).toLocaleString()}</TableCell>
                  <TableCell>{d.subject}</TableCell>
                  <TableCell>{d.channel} <span className="text-muted-foreground">{d.target}</span></TableCell>
                  <TableCell className={d.status === "failed" ? "text-destructive" : undefined}>
                    {STATUS_TEXT[d.status] ?? d.status}
                    {d.error && <div className="text-xs">{d.error}</div>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
