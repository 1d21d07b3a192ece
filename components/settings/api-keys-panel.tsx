"use client";

import { KeyRound } from "lucide-react";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/auth/guard";

type KeyRow = { id: string; name: string; prefix: string; role: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

type Props = {
  canManage: boolean;
  keys: KeyRow[];
  createAction: (input: { name: string; role: "admin" | "editor" | "viewer" }) => Promise<ActionResult<{ key: string }>>;
  revokeAction: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
};

const ROLE_OPTIONS = ["viewer", "editor", "admin"] as const;

export function ApiKeysPanel({ canManage, keys, createAction, revokeAction }: Props) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<(typeof ROLE_OPTIONS)[number]>("editor");
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      setError(null);
      const result = await createAction({ name, role });
      if (result.ok) {
        setCreated(result.data.key);
        setName("");
      } else setError(result.fields?.map((f) => f.message).join("; ") || result.error);
    });

  const revoke = (id: string) =>
    startTransition(async () => {
      const result = await revokeAction({ id });
      if (!result.ok) setError(result.error);
    });

  return (
    <div className="space-y-6">
      {canManage && (
        <Card>
          <CardHeader>
            <CardTitle>Create a key</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <form
              className="flex flex-wrap items-end gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                create();
              }}
            >
              <div className="grid gap-1.5">
                <Label htmlFor="key-name">Name</Label>
                <Input id="key-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="CI deploys" className="w-64" />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="key-role">Role</Label>
                <select
                  id="key-role"
                  value={role}
                  onChange={(e) => setRole(e.target.value as (typeof ROLE_OPTIONS)[number])}
                  className="h-9 rounded-md border border-input bg-background px-3 text-sm"
                >
                  {ROLE_OPTIONS.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </div>
              <Button type="submit" disabled={pending}>
                Create key
              </Button>
            </form>
            {error && (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            )}
            {created && (
              <Alert data-testid="new-api-key">
                <AlertTitle>Copy this key now — it will not be shown again</AlertTitle>
                <AlertDescription>
                  <code className="break-all rounded bg-muted px-2 py-1 font-mono text-sm">{created}</code>
                </AlertDescription>
              </Alert>
            )}
          </CardContent>
        </Card>
      )}
      {keys.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API keys yet" description="Create a key to call the /api/v1 REST API from scripts or CI." />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Key</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Last used</TableHead>
              <TableHead className="sr-only">Actions</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.map((k) => (
              <TableRow key={k.id}>
                <TableCell className="font-medium">{k.name}</TableCell>
                <TableCell className="font-mono text-xs">{k.prefix}…</TableCell>
                <TableCell>
                  <Badge variant="secondary">{k.role}</Badge>
                </TableCell>
                <TableCell>{new Date(k.createdAt).toLocaleString()}</TableCell>
                <TableCell>{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : "Never"}</TableCell>
                <TableCell className="text-right">
                  {k.revokedAt ? (
                    <Badge variant="outline">Revoked</Badge>
                  ) : (
                    canManage && (
                      <Button variant="outline" size="sm" disabled={pending} onClick={() => revoke(k.id)} aria-label={`Revoke ${k.name}`}>
                        Revoke
                      </Button>
                    )
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
