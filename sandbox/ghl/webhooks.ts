import { createPrivateKey, createPublicKey, randomUUID, sign, type KeyObject } from "node:crypto";
import type { GhlSandboxConfig } from "./config";
import {
  DEV_LEGACY_RSA_PRIVATE_KEY_PEM,
  DEV_WEBHOOK_PRIVATE_KEY_PEM,
  DEV_WEBHOOK_PUBLIC_KEY_PEM,
} from "./dev-webhook-key";
import type { Faults } from "./faults";
import type { SandboxStore } from "./store";
import type { WebhookPayload } from "./webhook-payloads";

export interface Delivery {
  webhookId: string;
  type: string;
  locationId: string;
  url: string | null;
  status: "pending" | "delivered" | "failed" | "dropped" | "no-url";
  attempts: { at: string; status: number | null; error?: string }[];
  body: string;
}

const MAX_LOG = 500;
const ATTEMPT_TIMEOUT_MS = 10_000;

const privateKey: KeyObject = createPrivateKey(DEV_WEBHOOK_PRIVATE_KEY_PEM);
const legacyKey: KeyObject = createPrivateKey(DEV_LEGACY_RSA_PRIVATE_KEY_PEM);

/** The sandbox signs with the committed dev key, so this is also what the app's dev config trusts. */
export function ghlSandboxPublicKeyPem(): string {
  return createPublicKey(DEV_WEBHOOK_PUBLIC_KEY_PEM).export({ type: "spki", format: "pem" }).toString();
}

export function signBody(body: string): string {
  return sign(null, Buffer.from(body), privateKey).toString("base64");
}

/**
 * Delivers signed webhooks. Like GHL (ghl-api.md §7.4) only a 429 from the receiver is retried,
 * up to `webhookMaxRetries` times, `webhookRetryDelayMs` apart plus up to 20 % jitter.
 */
export class WebhookEmitter {
  readonly deliveries: Delivery[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly config: GhlSandboxConfig,
    private readonly store: SandboxStore,
    private readonly faults: Faults,
  ) {}

  url(): string | null {
    return this.store.data.webhookUrl ?? this.config.webhookUrl;
  }

  emit(payload: WebhookPayload): Delivery {
    const full = { ...payload, webhookId: randomUUID(), timestamp: new Date().toISOString() };
    const url = this.url();
    const d: Delivery = {
      webhookId: full.webhookId,
      type: payload.type,
      locationId: payload.locationId,
      url,
      status: "pending",
      attempts: [],
      body: JSON.stringify(full),
    };
    this.deliveries.push(d);
    if (this.deliveries.length > MAX_LOG) this.deliveries.splice(0, this.deliveries.length - MAX_LOG);
    if (!url) d.status = "no-url";
    else if (this.faults.shouldDropWebhook()) d.status = "dropped";
    else this.track(this.attempt(d, url, 0));
    return d;
  }

  /** Resolves once no delivery attempt is running (scheduled retries do not count). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  close() {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private track(p: Promise<void>) {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private headers(body: string): Record<string, string> {
    const h: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "GHL-Sandbox-Webhooks/1.0",
      "x-ghl-signature": signBody(body),
    };
    if (this.config.legacySignature) h["x-wh-signature"] = sign("sha256", Buffer.from(body), legacyKey).toString("base64");
    return h;
  }

  private async attempt(d: Delivery, url: string, retry: number): Promise<void> {
    if (this.closed) return;
    let status: number | null = null;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: this.headers(d.body),
        body: d.body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      d.attempts.push({ at: new Date().toISOString(), status });
    } catch (err) {
      d.attempts.push({ at: new Date().toISOString(), status: null, error: (err as Error).message });
    }
    if (status === 429 && retry < this.config.webhookMaxRetries && !this.closed) {
      const delay = this.config.webhookRetryDelayMs * (1 + Math.random() * 0.2);
      const t = setTimeout(() => {
        this.timers.delete(t);
        this.track(this.attempt(d, url, retry + 1));
      }, delay);
      this.timers.add(t);
      return;
    }
    d.status = status !== null && status >= 200 && status < 300 ? "delivered" : "failed";
  }
}
