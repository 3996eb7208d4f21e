// A request limit per token, kept in this process's memory: with several processes behind a load balancer each
// counts on its own, which is fine for what it is for (a runaway client, not an attacker). A token bucket rather than
// a fixed window, so a 429's Retry-After is the true wait for the next request (one refill), not the window's rest.

export interface RateLimitConfig {
  /** Requests allowed per token per window (the bucket's size, refilled evenly over the window). */
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { max: 1200, windowMs: 60_000 };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number,
  ) {
    this.perMs = config.max / config.windowMs;
  }

  /** Counts one request; returns the whole seconds until one is allowed again when over the limit, else 0. */
  hit(key: string): number {
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 10_000) this.sweep(t);
      b = { tokens: this.config.max, at: t };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.config.max, b.tokens + (t - b.at) * this.perMs);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000));
  }

  /** Forgets buckets that have refilled: a new one starts full anyway. */
  private sweep(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * this.perMs >= this.config.max) this.buckets.delete(k);
  }
}

export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitConfig | false {
  const v = env.RATE_LIMIT_PER_MINUTE;
  if (v === undefined || v === '') return DEFAULT_RATE_LIMIT;
  const n = Number(v);
  if (n === 0) return false;
  if (!Number.isInteger(n) || n < 0) throw new Error('RATE_LIMIT_PER_MINUTE must be a whole number (0 turns the limit off)');
  return { max: n, windowMs: 60_000 };
}
