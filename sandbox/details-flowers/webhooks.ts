/** Outbound webhook deliveries: signed, retried with exponential backoff on non-2xx. */
import type { DfSandboxOptions } from "./config";
import { signPayload } from "./signature";
import type { DfStore } from "./store";
import type { Change } from "./types";

export type Delivery = {
  eventId: string;
  subscriptionId: string;
  url: string;
  type: string;
  attempts: number;
  status: "pending" | "delivered" | "failed";
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  body: string;
};

const ENV_SUBSCRIPTION = "env";
const MAX_LOG = 500;

export const subscribes = (events: string[], type: string) =>
  events.some((e) => e === "*" || e === type || (e.endsWith(".*") && type.startsWith(e.slice(0, -1))));

export class WebhookDispatcher {
  readonly deliveries: Delivery[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private store: DfStore, private options: DfSandboxOptions) {}

  onChange(change: Change, extra: { webhookTypes: string[]; previousStatus?: string }) {
    const targets = Object.values(this.store.state.webhooks).map((w) => ({ id: w.id, url: w.url, events: w.events }));
    if (this.options.webhookUrl) targets.push({ id: ENV_SUBSCRIPTION, url: this.options.webhookUrl, events: ["*"] });
    extra.webhookTypes.forEach((type, i) => {
      for (const target of targets.filter((t) => subscribes(t.events, type))) {
        const eventId = `wev_${change.seq}_${i}`;
        const body = JSON.stringify({
          id: eventId, type, occurredAt: change.occurredAt, subscriptionId: target.id, data: change.record,
          ...(type === "order.status_changed" ? { previousStatus: extra.previousStatus ?? null } : {}),
        });
        const delivery: Delivery = {
          eventId, subscriptionId: target.id, url: target.url, type, attempts: 0, status: "pending",
          lastStatus: null, lastError: null, createdAt: new Date().toISOString(), body,
        };
        this.deliveries.push(delivery);
        if (this.deliveries.length > MAX_LOG) this.deliveries.shift();
        this.later(() => this.attempt(delivery), 0);
      }
    });
  }

  private later(fn: () => void, ms: number) {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  private async attempt(delivery: Delivery) {
    if (this.closed) return;
    delivery.attempts += 1;
    try {
      const res = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "DetailsFlowers-Sandbox-Webhooks/1",
          "x-df-signature": signPayload(this.options.webhookSecret, delivery.body),
          "x-df-webhook-id": delivery.eventId,
        },
        body: delivery.body,
        signal: AbortSignal.timeout(10_000),
      });
      delivery.lastStatus = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        delivery.status = "delivered";
        return;
      }
      delivery.lastError = `HTTP ${res.status}`;
    } catch (err) {
      delivery.lastError = err instanceof Error ? err.message : String(err);
    }
    if (delivery.attempts >= this.options.webhookMaxAttempts) {
      delivery.status = "failed";
      return;
    }
    this.later(() => this.attempt(delivery), this.options.webhookBackoffMs * 2 ** (delivery.attempts - 1));
  }

  close() {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
