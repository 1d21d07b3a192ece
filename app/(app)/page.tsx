import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireUser } from "@/lib/auth/guard";
import { checkHealth } from "@/lib/ops/health";

export const metadata = { title: "Overview" };

function sandboxLinks() {
  return [
    { name: "HighLevel sandbox", url: process.env.GHL_SANDBOX_URL, what: "Create or edit contacts, tasks, notes and appointments to fire triggers." },
    { name: "Details Flowers sandbox", url: process.env.DF_SANDBOX_URL, what: "See the clients, events, tasks and notes your workflows wrote." },
  ].filter((s): s is { name: string; url: string; what: string } => Boolean(s.url));
}

export default async function OverviewPage() {
  const user = await requireUser();
  const health = await checkHealth();
  const sandboxes = sandboxLinks();
  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome${user.name ? `, ${user.name}` : ""}`} description="Bloombridge keeps a HighLevel location and a Details Flowers account in sync." />
      <div className="grid gap-4 md:grid-cols-2" data-testid="system-status">
        <Card>
          <CardHeader>
            <CardTitle>System</CardTitle>
            <CardDescription>Live status of this installation.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <div className="flex items-center justify-between">
              <span>Database</span>
              <StatusBadge status={health.db === "ok" ? "succeeded" : "failed"} label={health.db === "ok" ? "Connected" : "Unreachable"} />
            </div>
            <div className="flex items-center justify-between">
              <span>Workers</span>
              <StatusBadge
                status={health.worker === "ok" ? "succeeded" : "waiting"}
                label={health.worker === "ok" ? `${health.workers} running` : "None running"}
              />
            </div>
            {health.worker !== "ok" && (
              <p className="text-muted-foreground">
                Start one with <code className="rounded bg-muted px-1">npm run start:worker</code> against the same DATABASE_URL.
              </p>
            )}
          </CardContent>
        </Card>
        {sandboxes.length > 0 && (
          <Card>
            <CardHeader>
              <CardTitle>Sandboxes</CardTitle>
              <CardDescription>Local stand-ins for HighLevel and Details Flowers, started with the app.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-3 text-sm">
              {sandboxes.map((s) => (
                <div key={s.name}>
                  <a className="font-medium text-primary underline-offset-4 hover:underline" href={`${s.url}/admin`} target="_blank" rel="noreferrer">
                    {s.name}
                  </a>
                  <p className="text-muted-foreground">{s.what}</p>
                </div>
              ))}
            </CardContent>
          </Card>
        )}
        <Card>
          <CardHeader>
            <CardTitle>Automation access</CardTitle>
            <CardDescription>Scripts and CI use API keys on the /api/v1 REST API.</CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            {user.role === "admin" ? (
              <Link className="font-medium text-primary underline-offset-4 hover:underline" href="/settings/api-keys">
                Manage API keys
              </Link>
            ) : (
              <p className="text-muted-foreground">Ask an admin for an API key.</p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
