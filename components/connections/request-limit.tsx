"use client";

import { NumberSettingPopover, numberFrom } from "@/components/settings/number-setting-popover";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guard";
import { MAX_CONCURRENT_REQUESTS, maxConcurrentRequestsField, requestLimitFor } from "@/lib/engine/limits";

type Props = {
  connectionId: string;
  provider: string;
  /** The connection's own setting; null when it uses the provider's default. */
  own: number | null;
  limit: number;
  inFlight: number;
  canManage: boolean;
  save: (input: { id: string; maxConcurrentRequests: number | null }) => Promise<ActionResult<{ maxConcurrentRequests: number | null }>>;
};

/** "Requests at once": the connection's in-flight limit, shared by every worker, and an editor for admins. */
export function RequestLimit({ connectionId, provider, own, limit, inFlight, canManage, save }: Props) {
  return (
    <div className="flex items-center justify-between gap-2" data-testid="request-limit">
      <span>
        <span className="text-muted-foreground">Requests at once: </span>
        {limit}
        {own === null && <span className="text-muted-foreground"> (default)</span>}
        <span className="text-muted-foreground"> · {inFlight} in flight</span>
      </span>
      {canManage && (
        <NumberSettingPopover
          testId="request-limit-form"
          trigger={
            <Button size="sm" variant="ghost">
              Change
            </Button>
          }
          title="Requests at once"
          description={`At most this many API calls to this connection are in flight at the same time, across all workers (${MAX_CONCURRENT_REQUESTS.min}–${MAX_CONCURRENT_REQUESTS.max}). Leave it empty for the default.`}
          inputLabel="Max concurrent requests"
          initial={own === null ? "" : String(own)}
          placeholder={`Default: ${requestLimitFor({ provider, maxConcurrentRequests: null })}`}
          parse={(text) => {
            const parsed = maxConcurrentRequestsField.safeParse(numberFrom(text));
            return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0].message };
          }}
          save={(value) => save({ id: connectionId, maxConcurrentRequests: value })}
          saved={(value) => (value === null ? "Back to the default limit" : `Up to ${value} requests at once`)}
        />
      )}
    </div>
  );
}
