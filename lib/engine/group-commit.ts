/**
 * Group commit: callers that arrive while a batch is being written wait and go together in the
 * next one, so N concurrent callers cost one transaction (one WAL flush) instead of N. Each
 * caller's promise settles only once its own batch has committed or failed.
 */
export type GroupCommitOptions<T, R> = {
  /** Writes one batch; returns one result per item, in order. Rejects to fail the whole batch. */
  write: (items: T[]) => Promise<R[]>;
  /** Largest batch per write (bounds statement size). */
  maxBatch: number;
  /** Batches written at once: a second one overlaps the first's commit wait. */
  maxInFlight: number;
};

type Waiter<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

export function groupCommit<T, R>({ write, maxBatch, maxInFlight }: GroupCommitOptions<T, R>) {
  const queue: Waiter<T, R>[] = [];
  let inFlight = 0;
  let scheduled = false;

  function pump() {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length) void flush(queue.splice(0, maxBatch));
  }

  async function flush(batch: Waiter<T, R>[]) {
    inFlight++;
    try {
      const results = await writeIsolatingFailures(batch.map((w) => w.item));
      batch.forEach((w, i) => (results[i].ok ? w.resolve(results[i].value) : w.reject(results[i].error)));
    } finally {
      inFlight--;
      pump();
    }
  }

  /**
   * A failed batch is retried item by item: one delivery the database refuses must not take its
   * neighbours down with it (GHL does not redeliver a 5xx). When the database itself is failing,
   * every item fails on its own too.
   */
  async function writeIsolatingFailures(items: T[]): Promise<Settled<R>[]> {
    try {
      const results = await write(items);
      if (results.length !== items.length) throw new Error(`group commit: ${results.length} results for ${items.length} items`);
      return results.map((value) => ({ ok: true, value }));
    } catch (error) {
      if (items.length === 1) return [{ ok: false, error }];
      const settled: Settled<R>[] = [];
      // One at a time: a database that is down should not see a burst of retries.
      for (const item of items) settled.push(await write([item]).then(([value]): Settled<R> => ({ ok: true, value }), (e: unknown): Settled<R> => ({ ok: false, error: e })));
      return settled;
    }
  }

  return function submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // Wait for the current turn of the event loop so requests parsed together batch together.
      if (!scheduled) {
        scheduled = true;
        setImmediate(pump);
      }
    });
  };
}

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };
