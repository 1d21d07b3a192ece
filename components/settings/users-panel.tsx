"use client";

import { useState, useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/auth/guard";

type Role = "admin" | "editor" | "viewer";
type UserRow = { id: string; email: string; name: string | null; role: Role; createdAt: string; lastLoginAt: string | null; sso: boolean };

type Props = {
  me: string;
  canManage: boolean;
  users: UserRow[];
  invite: (input: { email: string; name?: string; role: Role }) => Promise<ActionResult<{ id: string; email: string; password: string }>>;
  changeRole: (input: { id: string; role: Role }) => Promise<ActionResult<{ id: string }>>;
  remove: (input: { id: string }) => Promise<ActionResult<{ id: string }>>;
};

const ROLES: Role[] = ["viewer", "editor", "admin"];

export function UsersPanel({ me, canManage, users, invite, changeRole, remove }: Props) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [invited, setInvited] = useState<{ email: string; password: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<ActionResult<unknown>>, after?: (data: unknown) => void) =>
    start(async () => {
      const result = await fn();
      if (result.ok) {
        setError(null);
        after?.(result.data);
      } else setError(result.fields?.map((f) => f.message).join("; ") || result.error);
    });

  return (
    <div className="space-y-6">
      {canManage && (
        <Card>
          <CardHeader>
            <CardTitle>Invite a user</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <form
              className="flex flex-wrap items-end gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                run(() => invite({ email, role }), (data) => {
                  setInvited(data as { email: string; password: string });
                  setEmail("");
                });
              }}
            >
              <div className="grid gap-1.5">
                <Label htmlFor="invite-email">Email</Label>
                <Input id="invite-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} className="w-72" />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="invite-role">Role</Label>
                <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)} className="h-9 rounded-md border border-input bg-background px-3 text-sm">
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </div>
              <Button type="submit" disabled={pending}>
                Invite
              </Button>
            </form>
            {invited && (
              <Alert data-testid="invited-user">
                <AlertTitle>Give {invited.email} this password — it will not be shown again</AlertTitle>
                <AlertDescription>
                  <code className="rounded bg-muted px-2 py-1 font-mono">{invited.password}</code>
                </AlertDescription>
              </Alert>
            )}
          </CardContent>
        </Card>
      )}
      {error && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>User</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Last sign-in</TableHead>
            <TableHead className="sr-only">Actions</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.id} data-testid={`user-${u.email}`}>
              <TableCell>
                <div className="font-medium">{u.name ?? u.email}</div>
                {u.name && <div className="text-xs text-muted-foreground">{u.email}</div>}
                {u.sso && <Badge variant="outline">SSO</Badge>}
              </TableCell>
              <TableCell>
                {canManage && u.id !== me ? (
                  <select
                    aria-label={`Role of ${u.email}`}
                    value={u.role}
                    disabled={pending}
                    onChange={(e) => run(() => changeRole({ id: u.id, role: e.target.value as Role }))}
                    className="h-8 rounded-md border border-input bg-background px-2 text-sm"
                  >
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                ) : (
                  <Badge variant="secondary">{u.role}</Badge>
                )}
              </TableCell>
              <TableCell>{u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : "Never"}</TableCell>
              <TableCell className="text-right">
                {canManage && u.id !== me && (
                  <Button size="sm" variant="outline" disabled={pending} onClick={() => run(() => remove({ id: u.id }))} aria-label={`Remove ${u.email}`}>
                    Remove
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
