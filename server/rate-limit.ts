// A simple fixed-window request limit per token, kept in this process's memory: with several processes behind a
// load balancer each counts on its own, which is fine for what it is for (a runaway client, not an attacker).

export interface RateLimitConfig {
  /** Requests allowed per token per window. */
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { max: 1200, windowMs: 60_000 };

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number,
  ) {}

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.config.windowMs) {
      if (this.windows.size > 10_000) this.sweep(t);
      w = { start: t, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= this.config.max) return 0;
    return Math.max(1, Math.ceil((w.start + this.config.windowMs - t) / 1000));
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.config.windowMs) this.windows.delete(k);
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
