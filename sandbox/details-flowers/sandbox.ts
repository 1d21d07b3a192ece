/** The sandbox's moving parts in one object, shared by the API pipeline and the admin routes. */
import type { DfSandboxOptions } from "./config";
import { noFaults, type Faults } from "./faults";
import { RateLimiter } from "./rate-limit";
import { seed } from "./seed";
import { emptyState, DfStore } from "./store";
import type { Order, OrderStatus } from "./types";
import { WebhookDispatcher } from "./webhooks";
import { commit } from "./handlers/common";
import { notFound } from "./http-util";

export type LoggedRequest = {
  requestId: string;
  at: string;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  idempotencyKey: string | null;
  replayed: boolean;
  durationMs: number;
};

const MAX_LOG = 1000;

export class Sandbox {
  readonly store: DfStore;
  readonly limiter: RateLimiter;
  readonly dispatcher: WebhookDispatcher;
  faults: Faults;
  readonly requests: LoggedRequest[] = [];

  constructor(readonly options: DfSandboxOptions) {
    this.store = new DfStore(options.statePath, options.persistDebounceMs);
    this.limiter = new RateLimiter(options.rateLimit, options.rateWindowS * 1000);
    this.dispatcher = new WebhookDispatcher(this.store, options);
    this.faults = noFaults(options.latencyMs, options.failRate);
    if (!this.store.load()) this.reset({ seed: options.seed });
    this.store.listener = (change, extra) => this.dispatcher.onChange(change, extra);
  }

  /** Back to seed data (or empty). Tokens survive so a running connector is not logged out. */
  reset({ seed: withSeed = this.options.seed }: { seed?: boolean } = {}) {
    const tokens = this.store.state.tokens;
    const listener = this.store.listener;
    this.store.listener = null;
    this.store.state = { ...emptyState(), tokens };
    if (withSeed) seed(this.store);
    this.store.listener = listener;
    this.limiter.reset();
    this.store.schedulePersist();
  }

  log(entry: LoggedRequest) {
    this.requests.push(entry);
    if (this.requests.length > MAX_LOG) this.requests.shift();
  }

  setFaults(patch: Partial<Faults>) {
    this.faults = { ...this.faults, ...patch };
    return this.faults;
  }

  clearFaults() {
    this.faults = noFaults();
    return this.faults;
  }

  /** Simulates the florist moving a proposal along; fires order.status_changed. */
  setOrderStatus(id: string, status: OrderStatus): Order {
    const before = this.store.state.records.order[id];
    if (!before) throw notFound("order", id);
    if (before.status === status) return before;
    const next: Order = structuredClone(before);
    next.status = status;
    next.kind = status === "draft" || status === "proposal_sent" ? "proposal" : "order";
    if (["signed", "deposit_paid", "paid"].includes(status) && !next.signedAt) next.signedAt = new Date().toISOString();
    if (status === "paid") next.balanceDue = { ...next.balanceDue, amount: 0 };
    if (status === "deposit_paid" && next.balanceDue.amount === next.total.amount) next.balanceDue = { ...next.balanceDue, amount: Math.round(next.total.amount * 0.7) };
    return commit(this.store, "order", before, next, { webhookTypes: ["order.status_changed"], previousStatus: before.status });
  }

  async close() {
    this.dispatcher.close();
    await this.store.flush();
  }
}
