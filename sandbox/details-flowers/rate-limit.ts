/** Fixed-window limiter per credential, matching the contract's RateLimit-* headers. */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private limit: number, private windowMs: number) {}

  /** Counts one request; returns the headers to send and whether it is allowed. */
  hit(key: string, now = Date.now()) {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    const resetS = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    const allowed = w.count <= this.limit;
    const headers: Record<string, string> = {
      "RateLimit-Limit": String(this.limit),
      "RateLimit-Remaining": String(Math.max(0, this.limit - w.count)),
      "RateLimit-Reset": String(resetS),
    };
    if (!allowed) headers["Retry-After"] = String(resetS);
    return { allowed, headers };
  }

  reset() {
    this.windows.clear();
  }
}
