import { Plug } from "lucide-react";
import { ConnectionCard } from "@/components/connections/connection-card";
import { DfConnectForm } from "@/components/connections/df-connect-form";
import { GhlConnectPanel } from "@/components/connections/ghl-connect-panel";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { connectionsWithUsage, TEST_CONNECTION_ROLE } from "@/lib/services/connections";
import { addDfConnectionAction, addGhlPitAction, disconnectAction, setRequestLimitAction, testConnectionAction } from "./actions";

export const metadata = { title: "Connections" };

export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<{ connected?: string; error?: string }> }) {
  const user = await requireUser();
  const { connected, error } = await searchParams;
  const connections = await connectionsWithUsage();
  const isAdmin = user.role === "admin";
  const sandboxDefaults = process.env.DF_SANDBOX_URL ? { clientId: process.env.DF_CLIENT_ID ?? "", clientSecret: process.env.DF_CLIENT_SECRET ?? "" } : undefined;
  return (
    <div className="space-y-6">
      <PageHeader title="Connections" description="The HighLevel location and Details Flowers account your workflows read from and write to." />
      {error && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>Connecting failed: {error}</AlertDescription>
        </Alert>
      )}
      {connected && (
        <Alert data-testid="connected-banner">
          <AlertDescription>Connected. Workflows can use this connection now.</AlertDescription>
        </Alert>
      )}
      {isAdmin && (
        <div className="grid gap-4 lg:grid-cols-2">
          <GhlConnectPanel addPit={addGhlPitAction} />
          <DfConnectForm addConnection={addDfConnectionAction} defaults={sandboxDefaults} />
        </div>
      )}
      {connections.length === 0 ? (
        <EmptyState icon={Plug} title="Nothing connected yet" description={isAdmin ? "Connect HighLevel and Details Flowers above to start building workflows." : "Ask an admin to connect HighLevel and Details Flowers."} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2" data-testid="connection-list">
          {connections.map((c) => (
            <ConnectionCard
              key={c.id}
              connection={{
                ...c,
                expiresAt: c.expiresAt?.toISOString() ?? null,
                lastRefreshedAt: c.lastRefreshedAt?.toISOString() ?? null,
                createdAt: c.createdAt.toISOString(),
                updatedAt: c.updatedAt.toISOString(),
                usage: c.usage ? { ...c.usage, blockedUntil: c.usage.blockedUntil?.toISOString() ?? null } : null,
              }}
              canManage={isAdmin}
              canTest={hasRole(user.role, TEST_CONNECTION_ROLE)}
              disconnect={disconnectAction}
              test={testConnectionAction}
              setRequestLimit={setRequestLimitAction}
            />
          ))}
        </div>
      )}
    </div>
  );
}
