export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** Observes a promise from now on (so a rejection is never unhandled) and reports how it settled. */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

export interface Tracked<T> {
  readonly outcome: Promise<Settled<T>>;
  isSettled(): boolean;
}

/** `settle`, plus a synchronous look at whether the promise has settled (after a microtask). */
export function track<T>(promise: Promise<T>): Tracked<T> {
  let settled = false;
  const outcome = settle(promise).then((result) => {
    settled = true;
    return result;
  });
  return { outcome, isSettled: () => settled };
}

/** A promise with its resolve/reject exposed, for handlers a spec finishes by hand. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every already-queued promise callback run (real timers only: uses setImmediate). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
