/** What the progress bar shows: done / total, the share, and an ETA from the observed rate. */
import type { Backfill } from "./store";

export type BackfillProgress = {
  done: number;
  failed: number;
  total: number | null;
  /** 0..100, null until the total is known. */
  percent: number | null;
  /** Contacts per second over the current running stretch. */
  ratePerSecond: number | null;
  etaSeconds: number | null;
};

// Too early to tell: a rate from the first second or the first few contacts swings wildly.
const MIN_SAMPLE_MS = 2_000;

export function progressOf(backfill: Backfill, now = new Date()): BackfillProgress {
  const { done, failed, total } = backfill;
  const processed = done + failed;
  const percent = total === null ? null : total === 0 ? 100 : Math.min(100, Math.round((processed / total) * 1000) / 10);
  let ratePerSecond: number | null = null;
  let etaSeconds: number | null = null;
  if (backfill.status === "running" && backfill.resumedAt) {
    const elapsedMs = now.getTime() - backfill.resumedAt.getTime();
    const progressed = done - backfill.doneAtResume;
    if (elapsedMs >= MIN_SAMPLE_MS && progressed > 0) {
      ratePerSecond = Math.round((progressed / (elapsedMs / 1000)) * 100) / 100;
      if (total !== null) etaSeconds = Math.max(0, Math.ceil((total - processed) / (progressed / (elapsedMs / 1000))));
    }
  }
  if (backfill.status === "succeeded") etaSeconds = 0;
  return { done, failed, total, percent, ratePerSecond, etaSeconds };
}
