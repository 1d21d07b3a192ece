"use client";

import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/guard";

type Props = {
  addPit: (input: { label: string; token: string; locationId: string }) => Promise<ActionResult<{ id: string }>>;
};

export function GhlConnectPanel({ addPit }: Props) {
  const [showPit, setShowPit] = useState(false);
  const [form, setForm] = useState({ label: "HighLevel (private token)", token: "", locationId: "" });
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const result = await addPit(form);
      if (result.ok) {
        setShowPit(false);
        setForm({ ...form, token: "" });
        setError(null);
      } else setError(result.fields?.map((f) => f.message).join("; ") || result.error);
    });
  return (
    <Card>
      <CardHeader>
        <CardTitle>HighLevel</CardTitle>
        <CardDescription>Authorize a location (sub-account) with OAuth, or paste a Private Integration Token.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <a href="/api/oauth/ghl/start">Connect HighLevel</a>
          </Button>
          <Button variant="outline" onClick={() => setShowPit((v) => !v)} aria-expanded={showPit}>
            Use a private token
          </Button>
        </div>
        {showPit && (
          <form
            className="grid gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <div className="grid gap-1.5">
              <Label htmlFor="pit-label">Connection name</Label>
              <Input id="pit-label" value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="pit-token">Private Integration Token</Label>
              <Input id="pit-token" type="password" autoComplete="off" value={form.token} onChange={(e) => setForm({ ...form, token: e.target.value })} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="pit-location">Location id</Label>
              <Input id="pit-location" value={form.locationId} onChange={(e) => setForm({ ...form, locationId: e.target.value })} />
            </div>
            {error && (
              <Alert variant="destructive" role="alert">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            )}
            <Button type="submit" disabled={pending}>
              Save token
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
