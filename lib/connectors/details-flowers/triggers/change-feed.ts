/**
 * Polling over `GET /changes`. The cursor is the feed's seq, so a restart resumes exactly
 * where the saved state left off; the bounded seen-set is a second guard against a cursor
 * that was saved late. The first poll only primes: it reads to the end of the feed and
 * emits nothing, so turning a workflow on does not replay the account's history.
 */
import type { PollContext, PollState, TriggerEvent } from "../../define";
import { callDf } from "../call";
import { dfOperations } from "../generated/operations";
import type { Change, ResourceType } from "../generated/schemas";

export const SEEN_LIMIT = 1000;
const PAGE_SIZE = 200;
const MAX_PAGES_PER_POLL = 10;
const PRIMING = "prime:";

export type ChangeMapper<P> = (change: Change, seen: SeenSet) => (Omit<TriggerEvent<P>, "accountId"> & { remember?: string[] }) | null;

/** Insertion-ordered set of recent keys, capped at `SEEN_LIMIT`. */
export class SeenSet {
  private readonly keys: string[];
  constructor(initial: readonly string[]) {
    this.keys = initial.slice(-SEEN_LIMIT);
  }
  has(key: string) {
    return this.keys.includes(key);
  }
  /** Adds (or moves to newest) a key. */
  add(key: string) {
    const at = this.keys.indexOf(key);
    if (at >= 0) this.keys.splice(at, 1);
    this.keys.push(key);
    if (this.keys.length > SEEN_LIMIT) this.keys.splice(0, this.keys.length - SEEN_LIMIT);
  }
  /** The newest key starting with `prefix`. */
  latest(prefix: string): string | undefined {
    for (let i = this.keys.length - 1; i >= 0; i--) if (this.keys[i].startsWith(prefix)) return this.keys[i];
    return undefined;
  }
  toArray() {
    return [...this.keys];
  }
}

export async function pollChanges<P>(ctx: PollContext, types: ResourceType[], map: ChangeMapper<P>): Promise<{ events: TriggerEvent<P>[]; state: PollState }> {
  const priming = ctx.state.cursor === null || ctx.state.cursor.startsWith(PRIMING);
  let since = ctx.state.cursor === null ? "0" : ctx.state.cursor.replace(PRIMING, "");
  const seen = new SeenSet(ctx.state.seen);
  const events: TriggerEvent<P>[] = [];
  let hasMore = true;
  for (let page = 0; page < MAX_PAGES_PER_POLL && hasMore; page++) {
    const feed = await callDf(ctx.http, dfOperations.listChanges, { query: { since, types, limit: PAGE_SIZE } });
    for (const change of feed.data) {
      const event = map(change, seen);
      if (!event) continue;
      for (const key of event.remember ?? []) seen.add(key);
      if (priming || seen.has(event.dedupeKey)) continue;
      seen.add(event.dedupeKey);
      const { remember: _remember, ...rest } = event;
      events.push({ ...rest, accountId: ctx.connection.accountId });
    }
    since = feed.nextCursor;
    hasMore = feed.hasMore;
  }
  const cursor = priming && hasMore ? `${PRIMING}${since}` : since;
  return { events, state: { cursor, seen: seen.toArray() } };
}
