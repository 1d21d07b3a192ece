/**
 * Throttles failed sign-ins per (account, client address), never per account alone: wrong
 * passwords sent from one address must not lock the owner out everywhere else. A looser limit per
 * address across accounts slows password spraying. Past a key's free failures within the window,
 * each further failure locks that key for twice as long (capped).
 */
import { db } from "@/lib/db/client";

const WINDOW_MS = 15 * 60_000;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export type ThrottleKey = { key: string; freeFailures: number };

/** The keys one sign-in attempt counts against: [account and address, address]. */
export function signInKeys(email: string, address: string): [ThrottleKey, ThrottleKey] {
  return [
    { key: `account-address:${email}|${address}`, freeFailures: 5 },
    { key: `address:${address}`, freeFailures: 50 },
  ];
}

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too_many_attempts:${retryAfterSeconds}`);
  }
}

export async function assertNotLocked(keys: ThrottleKey[], now = new Date()): Promise<void> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) }, lockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (until > now.getTime()) throw new TooManyAttemptsError(Math.ceil((until - now.getTime()) / 1000));
}

export async function recordFailure(keys: ThrottleKey[], now = new Date()): Promise<void> {
  const windowFloor = new Date(now.getTime() - WINDOW_MS);
  for (const { key, freeFailures } of keys) {
    // One statement: concurrent failures each count (a read-then-write let parallel guesses through).
    const [row] = await db().$queryRaw<{ failures: number }[]>`
      insert into login_throttles (key, failures, window_start) values (${key}, 1, ${now})
      on conflict (key) do update set
        failures = case when login_throttles.window_start < ${windowFloor} then 1 else login_throttles.failures + 1 end,
        window_start = case when login_throttles.window_start < ${windowFloor} then ${now} else login_throttles.window_start end
      returning failures`;
    const over = row.failures - freeFailures;
    if (over > 0) {
      const lockedUntil = new Date(now.getTime() + Math.min(MAX_LOCK_MS, BASE_LOCK_MS * 2 ** (over - 1)));
      await db().loginThrottle.update({ where: { key }, data: { lockedUntil } });
    }
  }
}

export async function clearFailures(keys: ThrottleKey[]): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: { in: keys.map((k) => k.key) } } });
}
