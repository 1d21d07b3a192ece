"use client";

import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/auth/guard";

type Input =
  | { mode: "client_credentials"; label: string; clientId: string; clientSecret: string }
  | { mode: "api_key"; label: string; apiKey: string };

type Props = {
  addConnection: (input: Input) => Promise<ActionResult<{ id: string }>>;
  /** The local sandbox's credentials, offered pre-filled in development. */
  defaults?: { clientId: string; clientSecret: string };
};

export function DfConnectForm({ addConnection, defaults }: Props) {
  const [mode, setMode] = useState<Input["mode"]>("client_credentials");
  const [label, setLabel] = useState("Details Flowers");
  const [clientId, setClientId] = useState(defaults?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState(defaults?.clientSecret ?? "");
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const input: Input = mode === "api_key" ? { mode, label, apiKey } : { mode, label, clientId, clientSecret };
      const result = await addConnection(input);
      setError(result.ok ? null : result.fields?.map((f) => f.message).join("; ") || result.error);
    });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Details Flowers</CardTitle>
        <CardDescription>
          Client credentials or an API key for a Details Flowers API that implements Bloombridge&apos;s contract.
          {defaults && " The local sandbox's credentials are filled in."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Authentication</legend>
            {(["client_credentials", "api_key"] as const).map((m) => (
              <label key={m} className="flex items-center gap-2">
                <input type="radio" name="df-mode" checked={mode === m} onChange={() => setMode(m)} />
                {m === "client_credentials" ? "Client credentials" : "API key"}
              </label>
            ))}
          </fieldset>
          <div className="grid gap-1.5">
            <Label htmlFor="df-label">Connection name</Label>
            <Input id="df-label" value={label} onChange={(e) => setLabel(e.target.value)} />
          </div>
          {mode === "client_credentials" ? (
            <>
              <div className="grid gap-1.5">
                <Label htmlFor="df-client-id">Client id</Label>
                <Input id="df-client-id" value={clientId} onChange={(e) => setClientId(e.target.value)} />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="df-client-secret">Client secret</Label>
                <Input id="df-client-secret" type="password" autoComplete="off" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} />
              </div>
            </>
          ) : (
            <div className="grid gap-1.5">
              <Label htmlFor="df-api-key">API key</Label>
              <Input id="df-api-key" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} />
            </div>
          )}
          {error && (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
          <Button type="submit" disabled={pending}>
            Connect Details Flowers
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
