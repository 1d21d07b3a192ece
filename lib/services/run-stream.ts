/**
 * Server-sent events of runs that change: polls `runs.updated_at` (indexed, bumped by a
 * trigger on every change) once a second and sends each changed run matching the filter as
 * a `run` event. Polling keeps it working across web processes without a LISTEN connection.
 */
import type { RunFilter } from "@/lib/engine/run/replay";
import { logger } from "@/lib/log";
import { runsChangedSince, type RunRow } from "./run-rows";

// A transaction may commit a little after a later one stamped earlier; re-read this window.
const OVERLAP_MS = 2_000;
const HEARTBEAT_MS = 15_000;

type Options = { since?: Date; intervalMs?: number };

export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function runChangeStream(filter: RunFilter, signal: AbortSignal, options: Options = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const intervalMs = options.intervalMs ?? 1_000;
  let since = options.since ?? new Date();
  const sent = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite = Date.now();

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      const poll = async () => {
        if (signal.aborted) return close();
        try {
          const rows = await runsChangedSince(filter, new Date(since.getTime() - OVERLAP_MS));
          const fresh = rows.filter((r) => sent.get(r.id) !== r.updatedAt);
          for (const row of fresh) {
            sent.set(row.id, row.updatedAt);
            controller.enqueue(encoder.encode(sseEvent("run", row satisfies RunRow)));
          }
          if (rows.length) since = new Date(Math.max(since.getTime(), Date.parse(rows[rows.length - 1].updatedAt)));
          forgetOlderThan(sent, since.getTime() - OVERLAP_MS * 2);
          if (fresh.length) lastWrite = Date.now();
          else if (Date.now() - lastWrite > HEARTBEAT_MS) {
            controller.enqueue(encoder.encode(": keep-alive\n\n"));
            lastWrite = Date.now();
          }
        } catch (error) {
          if (signal.aborted) return close();
          logger.warn({ err: error }, "run stream poll failed");
        }
        if (signal.aborted) return close();
        timer = setTimeout(poll, intervalMs);
      };
      signal.addEventListener("abort", close, { once: true });
      controller.enqueue(encoder.encode(`retry: 3000\n${sseEvent("ready", { since: since.toISOString() })}`));
      void poll();
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}

function forgetOlderThan(sent: Map<string, string>, cutoff: number) {
  for (const [id, updatedAt] of sent) if (Date.parse(updatedAt) < cutoff) sent.delete(id);
}
