import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { listConnections } from "@/lib/db/connections";
import { PROVIDER_LABELS } from "./types";

/** Shown on every page while a connection needs reconnecting: runs that use it are waiting. */
export async function ReconnectBanner() {
  const broken = (await listConnections()).filter((c) => c.status === "needs_reconnect");
  if (!broken.length) return null;
  return (
    <div role="alert" data-testid="reconnect-banner" className="flex flex-wrap items-center gap-2 border-b border-destructive/30 bg-destructive/10 px-4 py-2 text-sm text-destructive">
      <TriangleAlert className="size-4" aria-hidden />
      {broken.map((c) => (
        <span key={c.id}>
          {PROVIDER_LABELS[c.provider] ?? c.provider} connection “{c.label}” needs to be reconnected; runs that use it are waiting.{" "}
          <Link className="font-medium underline" href={c.provider === "ghl" && c.kind === "oauth2" ? "/api/oauth/ghl/start" : "/connections"} prefetch={false}>
            Reconnect
          </Link>
        </span>
      ))}
    </div>
  );
}
