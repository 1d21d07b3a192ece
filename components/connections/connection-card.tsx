"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ActionResult } from "@/lib/auth/guard";
import { RequestLimit } from "./request-limit";
import { PROVIDER_LABELS, type ConnectionViewModel } from "./types";

type Props = {
  connection: ConnectionViewModel;
  canManage: boolean;
  /** Test calls the provider (rate budget): editors and admins. */
  canTest: boolean;
  disconnect: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
  test: (input: { id: string }) => Promise<ActionResult<{ ok: true; ms: number } | { ok: false; message: string }>>;
  setRequestLimit: (input: { id: string; maxConcurrentRequests: number | null }) => Promise<ActionResult<{ maxConcurrentRequests: number | null }>>;
};

function Gauge({ label, used, max }: { label: string; used: number; max: number }) {
  const pct = max > 0 ? Math.min(100, Math.round((used / max) * 100)) : 0;
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-xs text-muted-foreground">
        <span>{label}</span>
        <span>
          {used.toLocaleString()} / {max.toLocaleString()}
        </span>
      </div>
      <Progress value={pct} aria-label={`${label}: ${pct}% used`} />
    </div>
  );
}

export function ConnectionCard({ connection: c, canManage, canTest, disconnect, test, setRequestLimit }: Props) {
  const [pending, start] = useTransition();
  const [tested, setTested] = useState<string | null>(null);
  const runTest = () =>
    start(async () => {
      const result = await test({ id: c.id });
      if (!result.ok) setTested(result.error);
      else setTested(result.data.ok ? `Works: answered in ${result.data.ms} ms` : `Failed: ${result.data.message}`);
    });
  const kindLabel = { oauth2: "OAuth", pit: "Private Integration Token", client_credentials: "Client credentials", api_key: "API key" }[c.kind] ?? c.kind;
  return (
    <Card data-testid={`connection-${c.provider}`}>
      <CardHeader>
        <div className="flex items-start justify-between gap-2">
          <div>
            <CardTitle>{c.label}</CardTitle>
            <CardDescription>
              {PROVIDER_LABELS[c.provider] ?? c.provider} · {kindLabel}
            </CardDescription>
          </div>
          <StatusBadge status={c.status === "active" ? "succeeded" : c.status === "needs_reconnect" ? "needs_reconnect" : "cancelled"} label={c.status === "active" ? "Active" : c.status === "needs_reconnect" ? "Needs reconnect" : "Disconnected"} />
        </div>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          {c.accountId && (
            <>
              <dt className="text-muted-foreground">{c.provider === "ghl" ? "Location" : "Account"}</dt>
              <dd className="font-mono text-xs">{c.accountId}</dd>
            </>
          )}
          {c.scopes.length > 0 && (
            <>
              <dt className="text-muted-foreground">Scopes</dt>
              <dd>{c.scopes.join(", ")}</dd>
            </>
          )}
          {c.expiresAt && (
            <>
              <dt className="text-muted-foreground">Token expires</dt>
              <dd>{new Date(c.expiresAt).toLocaleString()}</dd>
            </>
          )}
          <dt className="text-muted-foreground">Last refresh</dt>
          <dd>{c.lastRefreshedAt ? new Date(c.lastRefreshedAt).toLocaleString() : "Never"}</dd>
        </dl>
        {c.lastError && <p className="text-destructive">{c.lastError}</p>}
        <RequestLimit connectionId={c.id} provider={c.provider} own={c.maxConcurrentRequests} limit={c.requests.limit} inFlight={c.requests.inFlight} canManage={canManage && c.status !== "disconnected"} save={setRequestLimit} />
        {c.usage && (
          <div className="space-y-2">
            <Gauge label="Burst (10 s window)" used={c.usage.burstUsed} max={c.usage.burstMax} />
            <Gauge label="Today" used={c.usage.dailyUsed} max={c.usage.dailyMax} />
          </div>
        )}
        {tested && (
          <p role="status" data-testid="connection-test-result" className={tested.startsWith("Works") ? "text-success" : "text-destructive"}>
            {tested}
          </p>
        )}
        <div className="flex gap-2 pt-2">
          {canTest && (
            <Button size="sm" variant="outline" disabled={pending || c.status === "disconnected"} onClick={runTest}>
              Test
            </Button>
          )}
        {canManage && (
          <>
            {c.provider === "ghl" && c.kind === "oauth2" && (
              <Button asChild size="sm" variant={c.status === "needs_reconnect" ? "default" : "outline"}>
                <a href="/api/oauth/ghl/start">Reconnect</a>
              </Button>
            )}
            <Button size="sm" variant="outline" disabled={pending} onClick={() => start(async () => void (await disconnect({ id: c.id })))}>
              Disconnect
            </Button>
          </>
        )}
        </div>
      </CardContent>
    </Card>
  );
}
