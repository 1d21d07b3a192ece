import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type Status = { keyId: string; source: string; previousKeys: number; usage: Array<{ keyId: string; count: number; current: boolean }>; staleCredentials: number };

const SOURCE_TEXT: Record<string, string> = {
  env: "BLOOMBRIDGE_ENCRYPTION_KEY (environment)",
  file: "key file in the data directory",
  generated: "key file generated at start-up in the data directory",
};

export function EncryptionKeyCard({ status }: { status: Status }) {
  return (
    <Card data-testid="encryption-key">
      <CardHeader>
        <CardTitle>Encryption key</CardTitle>
        <CardDescription>Connection credentials are sealed with AES-256-GCM. Rotate with <code>npm run keys:rotate</code>.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-2 text-sm">
        <p>Current key <code>{status.keyId}</code>, from the {SOURCE_TEXT[status.source] ?? status.source}; {status.previousKeys} previous key(s) kept for reading.</p>
        {status.usage.length === 0 ? (
          <p className="text-muted-foreground">No credentials stored yet.</p>
        ) : (
          <ul className="list-disc pl-5">
            {status.usage.map((u) => (
              <li key={u.keyId}><code>{u.keyId}</code>: {u.count} credential(s){u.current ? " (current key)" : " — older key, re-encrypted on rotation"}</li>
            ))}
          </ul>
        )}
        {status.staleCredentials > 0 && <p className="text-warning">{status.staleCredentials} credential(s) still use an older key: run <code>npm run keys:rotate</code>.</p>}
      </CardContent>
    </Card>
  );
}
