/**
 * Throttles failed sign-ins per email and per client address: after FREE_FAILURES failures
 * within the window, each further failure locks the key for twice as long (capped).
 */
import { db } from "@/lib/db/client";

const WINDOW_MS = 15 * 60_000;
const FREE_FAILURES = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too_many_attempts:${retryAfterSeconds}`);
  }
}

export async function assertNotLocked(keys: string[], now = new Date()): Promise<void> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (until > now.getTime()) throw new TooManyAttemptsError(Math.ceil((until - now.getTime()) / 1000));
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await db().loginThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const over = failures - FREE_FAILURES;
    const lockedUntil = over > 0 ? new Date(now.getTime() + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (over - 1))) : null;
    await db().loginThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart: now, lockedUntil },
      update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil },
    });
  }
}

export async function clearFailures(keys: string[]): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: { in: keys } } });
}
