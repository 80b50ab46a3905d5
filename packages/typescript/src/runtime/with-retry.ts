import { ErrorCatalog, NormalizedError } from "./error-catalog.js";
import { RetryPolicy } from "./retry-policy.js";

/** What `withRetry` takes besides the operation. */
export interface RetryOptions<Code extends string, Status extends string> {
  /** The delays and the number of retries, e.g. a lifecycle's `retryPolicy`. */
  readonly policy: RetryPolicy;
  /**
   * The catalog that decides what is retried (its codes' `retryable`) and names exhaustion (its `retry_exhausted`
   * code).
   */
  readonly catalog: ErrorCatalog<Code, Status>;
  /**
   * Cancels the retries: before an attempt or during a wait, `withRetry` stops with the catalog's cancellation code.
   */
  readonly signal?: AbortSignal;
  /** Waits `milliseconds`; rejects when `signal` aborts. Default: a timer. Tests pass a fake clock. */
  readonly sleep?: (milliseconds: number, signal: AbortSignal | undefined) => Promise<void>;
  /** The source of jitter, uniform in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
}

/**
 * Runs `operation`, retrying failures the catalog calls retryable with the policy's backoff, and returns its first
 * success; as the Swift runtime's `withRetry`, it rejects only with `NormalizedError`:
 * - a failure that is not retryable, at once, as normalized;
 * - after `policy.maxRetries` retries, the catalog's `retry_exhausted` code, with the attempts and the last failure in
 *   `detail`;
 * - when `signal` aborts before an attempt or during a wait, the catalog's cancellation code (an attempt already
 *   running is not interrupted; pass the signal on to it for that).
 */
export async function withRetry<Result, Code extends string, Status extends string>(
  operation: (attempt: number) => Promise<Result>,
  options: RetryOptions<Code, Status>,
): Promise<Result> {
  const { policy, catalog, signal } = options;
  const sleep = options.sleep ?? sleepWithTimer;
  const random = options.random ?? Math.random;
  for (let retry = 0; ; retry++) {
    if (signal?.aborted === true) throw catalog.normalize(abortError());
    let failure: NormalizedError<Code, Status>;
    try {
      return await operation(retry);
    } catch (error) {
      failure = catalog.normalize(error);
    }
    if (!failure.isRetryable) throw failure;
    if (retry >= policy.maxRetries) {
      const attempts = retry + 1;
      throw new NormalizedError(catalog, catalog.codeFor("retry_exhausted"),
        `gave up after ${attempts} attempt${attempts === 1 ? "" : "s"}; last error ${failure.message}`);
    }
    try {
      await sleep(policy.delayMs(retry, random), signal);
    } catch {
      throw catalog.normalize(abortError());
    }
  }
}

function abortError(): Error {
  const error = new Error("the retries were cancelled");
  error.name = "AbortError";
  return error;
}

function sleepWithTimer(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(abortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
