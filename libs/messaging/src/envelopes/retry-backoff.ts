export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

// A failing record waits in its paused partition, not in the handler (ADR 041), so the cap is not
// bound by the session timeout; 8 s keeps a healed dependency from waiting long to be noticed.
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 8_000 };

/** Delay before retry number `attempt` (1-based): doubling, capped, with ±20 % jitter so replicas do not retry in step. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
