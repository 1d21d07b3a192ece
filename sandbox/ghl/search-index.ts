import type { ContactRecord } from "./types";

interface Entry {
  visible: ContactRecord | null;
  pending: { doc: ContactRecord | null; at: number } | null;
}

/**
 * GHL's search is an eventually consistent index: writes show up after a delay. With a lag of
 * 0 this mirrors the store; otherwise searches see each contact's previous version until the
 * write's visibility time passes.
 */
export class SearchIndex {
  private entries = new Map<string, Entry>();

  constructor(private readonly lagMs: () => number) {}

  rebuild(contacts: ContactRecord[]) {
    this.entries.clear();
    for (const c of contacts) this.entries.set(c.id, { visible: structuredClone(c), pending: null });
  }

  /** Records a write; pass `null` for a deletion. */
  record(id: string, doc: ContactRecord | null, now = Date.now()) {
    const copy = doc ? structuredClone(doc) : null;
    const lag = this.lagMs();
    const entry = this.entries.get(id) ?? { visible: null, pending: null };
    if (lag <= 0) {
      entry.visible = copy;
      entry.pending = null;
    } else {
      entry.pending = { doc: copy, at: now + lag };
    }
    this.entries.set(id, entry);
  }

  visible(locationId: string, now = Date.now()): ContactRecord[] {
    const flushAll = this.lagMs() <= 0;
    const out: ContactRecord[] = [];
    for (const [id, e] of this.entries) {
      if (e.pending && (flushAll || e.pending.at <= now)) {
        e.visible = e.pending.doc;
        e.pending = null;
      }
      if (!e.visible && !e.pending) this.entries.delete(id);
      if (e.visible?.locationId === locationId) out.push(e.visible);
    }
    return out;
  }
}
