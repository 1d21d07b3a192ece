import { NO_FAULTS, type FaultSettings } from "./config";
import { createPrng } from "./prng";

export interface FaultInput {
  latencyMs?: number;
  failRate?: number;
  /** Force 429 on every rate-limited call for this many ms from now. */
  rateLimitStorm?: number;
  dropWebhookRate?: number;
  searchLagMs?: number;
}

/** Injected failures. Decisions come from a seeded PRNG so a test run is repeatable. */
export class Faults {
  settings: FaultSettings;
  private random: () => number;

  constructor(
    private readonly initial: FaultSettings,
    private readonly seed: number,
  ) {
    this.settings = { ...initial };
    this.random = createPrng(seed);
  }

  set(input: FaultInput, now = Date.now()) {
    const s = this.settings;
    if (input.latencyMs !== undefined) s.latencyMs = Math.max(0, input.latencyMs);
    if (input.failRate !== undefined) s.failRate = clamp01(input.failRate);
    if (input.dropWebhookRate !== undefined) s.dropWebhookRate = clamp01(input.dropWebhookRate);
    if (input.searchLagMs !== undefined) s.searchLagMs = Math.max(0, input.searchLagMs);
    if (input.rateLimitStorm !== undefined) s.rateLimitStormUntil = input.rateLimitStorm > 0 ? now + input.rateLimitStorm : 0;
    // Reseed so the same fault script yields the same sequence of failures.
    this.random = createPrng(this.seed);
  }

  /** Back to no faults at all (env-configured faults included). */
  clear() {
    this.settings = { ...NO_FAULTS };
    this.random = createPrng(this.seed);
  }

  restoreInitial() {
    this.settings = { ...this.initial };
    this.random = createPrng(this.seed);
  }

  shouldFail(): boolean {
    return this.settings.failRate > 0 && this.random() < this.settings.failRate;
  }

  shouldDropWebhook(): boolean {
    return this.settings.dropWebhookRate > 0 && this.random() < this.settings.dropWebhookRate;
  }

  stormActive(now = Date.now()): boolean {
    return this.settings.rateLimitStormUntil > now;
  }

  view(now = Date.now()) {
    const { rateLimitStormUntil, ...rest } = this.settings;
    return { ...rest, rateLimitStormRemainingMs: Math.max(0, rateLimitStormUntil - now) };
  }
}

function clamp01(n: number) {
  return Math.min(1, Math.max(0, n));
}
