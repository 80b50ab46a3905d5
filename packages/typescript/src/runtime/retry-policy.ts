/**
 * How jitter spreads a delay: `none` (exactly), `full` (0 to the delay), `equal` (half plus a random part of the other
 * half).
 */
export type Jitter = "none" | "full" | "equal";

/** What `retryPolicy` takes: a lifecycle's `retry:` block, in milliseconds. */
export interface RetryPolicyDefinition {
  /** Retries after the first attempt; `maxRetries + 1` attempts in all. */
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  /** How much each delay grows over the one before (2 doubles it). Default 2. */
  readonly multiplier?: number;
  /** The longest any single delay may be, before jitter. */
  readonly maxDelayMs: number;
  /** Default `none`. */
  readonly jitter?: Jitter;
  /** The record's field that counts retries (the schema's `counter:`), if any. */
  readonly counter?: string;
}

/**
 * Exponential backoff (指数退避重试): retry `n` (0 for the first retry) waits `initialDelayMs × multiplier^n`, capped at
 * `maxDelayMs`, then spread by `jitter`: the Swift runtime's `RetryPolicy`, computed the same way in whole nanoseconds,
 * so the delays without jitter are identical.
 */
export class RetryPolicy {
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly multiplier: number;
  readonly maxDelayMs: number;
  readonly jitter: Jitter;
  readonly counter: string | undefined;

  /** A policy from its schema data. */
  constructor(definition: RetryPolicyDefinition) {
    this.maxRetries = definition.maxRetries;
    this.initialDelayMs = definition.initialDelayMs;
    this.multiplier = definition.multiplier ?? 2;
    this.maxDelayMs = definition.maxDelayMs;
    this.jitter = definition.jitter ?? "none";
    this.counter = definition.counter;
    Object.freeze(this);
  }

  /**
   * The delay before retry `n` without jitter, in whole nanoseconds: `initialDelay × multiplier^n`, capped at
   * `maxDelay`. Any `n` works: a product too large is the cap, and a negative `n` counts as 0.
   */
  baseDelayNanoseconds(n: number): number {
    const cap = nanoseconds(this.maxDelayMs);
    const initial = nanoseconds(this.initialDelayMs);
    if (initial <= 0) return 0;
    const exponent = Number.isNaN(n) ? 0 : Math.min(Math.max(0, Math.floor(n)), Number.MAX_SAFE_INTEGER);
    const scaled = initial * power(this.multiplier, exponent);
    if (!(scaled < cap)) return cap;
    return Math.max(0, Math.round(scaled));
  }

  /** `baseDelayNanoseconds(n)` in milliseconds (possibly with a fraction). */
  baseDelayMs(n: number): number {
    return this.baseDelayNanoseconds(n) / 1e6;
  }

  /**
   * The delay before retry `n` in whole nanoseconds, spread by `jitter` with numbers from `random` (uniform in [0, 1),
   * like `Math.random`): `full` gives 0 to the base delay, `equal` half of it plus 0 to the other half, both ends
   * included, as in Swift.
   */
  delayNanoseconds(n: number, random: () => number = Math.random): number {
    const base = this.baseDelayNanoseconds(n);
    switch (this.jitter) {
      case "none": return base;
      case "full": return uniformInteger(0, base, random);
      case "equal": {
        const half = Math.floor(base / 2);
        return half + uniformInteger(0, base - half, random);
      }
    }
  }

  /** `delayNanoseconds(n, random)` in milliseconds. */
  delayMs(n: number, random: () => number = Math.random): number {
    return this.delayNanoseconds(n, random) / 1e6;
  }
}

/** A retry policy from its schema data. */
export function retryPolicy(definition: RetryPolicyDefinition): RetryPolicy {
  return new RetryPolicy(definition);
}

/** Milliseconds as whole nanoseconds, at least 0 (Swift's `Duration.milliseconds`, clamped). */
function nanoseconds(milliseconds: number): number {
  if (!(milliseconds > 0)) return 0;
  return Math.min(Math.round(milliseconds * 1e6), Number.MAX_SAFE_INTEGER);
}

/** `base^exponent` by squaring, as the Swift runtime computes it (not `Math.pow`, whose last bit may differ). */
function power(base: number, exponent: number): number {
  let result = 1;
  let factor = base;
  let remaining = exponent;
  while (remaining > 0) {
    if (remaining % 2 === 1) result *= factor;
    remaining = Math.floor(remaining / 2);
    if (remaining > 0) factor *= factor;
  }
  return result;
}

/** A uniform integer from `low` to `high`, both included. */
function uniformInteger(low: number, high: number, random: () => number): number {
  const value = low + Math.floor(random() * (high - low + 1));
  return Math.min(high, Math.max(low, value));
}
