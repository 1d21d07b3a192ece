"use client";

import { useId } from "react";
import { Label } from "@/components/ui/label";
import { CONNECTOR_LABELS } from "../node-visuals";
import type { ConnectionSummary } from "../types";

/** Connections of the step's connector; the webhook connector needs none. */
export function ConnectionPicker({ connector, connections, value, onChange, readOnly, forTrigger = false }: { connector: string; connections: ConnectionSummary[]; value: string | undefined; onChange: (id: string | undefined) => void; readOnly: boolean; forTrigger?: boolean }) {
  const id = useId();
  if (connector === "logic" || connector === "webhook") return null;
  const options = connections.filter((c) => c.provider === connector);
  const name = CONNECTOR_LABELS[connector] ?? connector;
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{name} connection</Label>
      {options.length === 0 ? (
        <p className="text-xs text-muted-foreground">
          No {name} connection yet. <a className="underline" href="/connections">Connect {name}</a>, then pick it here.
        </p>
      ) : (
        <select id={id} disabled={readOnly} className="h-9 w-full rounded-md border border-input bg-transparent px-2 text-sm shadow-xs dark:bg-input/30" value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
          {/* A trigger without a connection listens on every connected account; an action must name one. */}
          <option value="">{forTrigger ? `Any ${name} connection` : "Choose a connection…"}</option>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
              {c.status !== "active" && c.status !== "connected" ? ` (${c.status.replaceAll("_", " ")})` : ""}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
