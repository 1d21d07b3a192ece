export interface RateLimitConfig {
  burstLimit: number;
  burstWindowMs: number;
  dailyLimit: number;
}

interface Bucket {
  windowStart: number;
  windowCount: number;
  day: string;
  dayCount: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * GHL limits each (marketplace app, location) pair: a fixed burst window plus a daily quota.
 * The daily counter resets at UTC midnight (GHL does not document the reset time).
 */
export class RateLimiter {
  private buckets = new Map<string, Bucket>();

  constructor(private readonly cfg: RateLimitConfig) {}

  take(key: string, now = Date.now(), forceLimited = false): RateDecision {
    const b = this.bucket(key, now);
    const allowed = !forceLimited && b.windowCount < this.cfg.burstLimit && b.dayCount < this.cfg.dailyLimit;
    if (allowed) {
      b.windowCount++;
      b.dayCount++;
    }
    return { allowed, headers: this.headers(b, forceLimited) };
  }

  /** Headers for responses that never reached a bucket (e.g. bad token). */
  idleHeaders(): Record<string, string> {
    return this.headers({ windowStart: 0, windowCount: 0, day: "", dayCount: 0 }, false);
  }

  reset() {
    this.buckets.clear();
  }

  private bucket(key: string, now: number): Bucket {
    const day = new Date(now).toISOString().slice(0, 10);
    let b = this.buckets.get(key);
    if (!b) {
      b = { windowStart: now, windowCount: 0, day, dayCount: 0 };
      this.buckets.set(key, b);
    }
    if (now - b.windowStart >= this.cfg.burstWindowMs) {
      b.windowStart = now;
      b.windowCount = 0;
    }
    if (b.day !== day) {
      b.day = day;
      b.dayCount = 0;
    }
    return b;
  }

  private headers(b: Bucket, storm: boolean): Record<string, string> {
    return {
      "X-RateLimit-Limit-Daily": String(this.cfg.dailyLimit),
      "X-RateLimit-Daily-Remaining": String(Math.max(0, this.cfg.dailyLimit - b.dayCount)),
      "X-RateLimit-Interval-Milliseconds": String(this.cfg.burstWindowMs),
      "X-RateLimit-Max": String(this.cfg.burstLimit),
      "X-RateLimit-Remaining": storm ? "0" : String(Math.max(0, this.cfg.burstLimit - b.windowCount)),
    };
  }
}
