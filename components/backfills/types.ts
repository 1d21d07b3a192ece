/** The page's view of backfills: the /api/v1/backfills response shape. */
import type { BackfillView } from "@/lib/api/backfills";

export type { BackfillView };
export type WorkflowOption = { id: string; name: string; triggerLabel: string };
export type ConnectionOption = { id: string; label: string };

export const ACTIVE = ["queued", "running", "paused"];

export async function backfillRequest(path: string, body?: unknown): Promise<BackfillView> {
  const res = await fetch(`/api/v1/backfills${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as (BackfillView & { error?: { message?: string; details?: { field: string; message: string }[] } }) | null;
  if (!res.ok || !json) {
    const details = json?.error?.details?.map((d) => `${d.field}: ${d.message}`).join("; ");
    throw new Error(details || json?.error?.message || `The server answered ${res.status}`);
  }
  return json;
}

/** "3 min 20 s", "45 s", "1 h 5 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
