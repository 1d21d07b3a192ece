/** In-memory state with a debounced, atomic JSON snapshot on disk. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { writeFile, rename, mkdir } from "node:fs/promises";
import path from "node:path";
import type { AnyRecord, Change, ResourceType, State } from "./types";

const PREFIX: Record<ResourceType | "webhook", string> = {
  client: "cli", event: "evt", task: "tsk", note: "not", appointment: "apt", order: "ord", webhook: "whk",
};

export function emptyState(): State {
  return {
    version: 1, counter: 0, seq: 0,
    records: { client: {}, event: {}, task: {}, note: {}, appointment: {}, order: {} },
    webhooks: {}, changes: [], idempotency: {}, tokens: {},
  };
}

export type ChangeListener = (change: Change, extra: { webhookTypes: string[]; previousStatus?: string }) => void;

export class DfStore {
  state: State;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  listener: ChangeListener | null = null;

  constructor(private readonly file: string | null, private readonly debounceMs: number) {
    this.state = emptyState();
  }

  /** Returns false when there was no snapshot to load. */
  load(): boolean {
    if (!this.file) return false;
    try {
      const parsed = JSON.parse(readFileSync(this.file, "utf8")) as State;
      if (parsed.version !== 1) return false;
      this.state = parsed;
      return true;
    } catch {
      return false;
    }
  }

  nextId(kind: ResourceType | "webhook"): string {
    this.state.counter += 1;
    return `${PREFIX[kind]}_${this.state.counter.toString(36).padStart(6, "0")}`;
  }

  /** Appends to the change feed and tells the webhook dispatcher. */
  record(type: ResourceType, action: Change["action"], record: AnyRecord, extra: { webhookTypes?: string[]; previousStatus?: string; at?: string } = {}) {
    this.state.seq += 1;
    const change: Change = {
      seq: this.state.seq, type, action, id: record.id, occurredAt: extra.at ?? record.updatedAt,
      record: structuredClone(record),
    };
    this.state.changes.push(change);
    this.listener?.(change, { webhookTypes: extra.webhookTypes ?? [`${type}.${action}`], previousStatus: extra.previousStatus });
    this.schedulePersist();
  }

  schedulePersist() {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writing = this.writing.then(() => this.writeAsync()).catch((err) => console.error("[df-sandbox] state write failed", err));
    }, this.debounceMs);
  }

  private async writeAsync() {
    if (!this.file) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(this.state));
    await rename(tmp, this.file);
  }

  /** Synchronous final write, used on close so nothing pending is lost. */
  async flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.writing;
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
  }
}
