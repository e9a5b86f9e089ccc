/**
 * A start-up step that failed for a reason the user can act on: the process stops with one line
 * that says what failed and what to do, instead of a stack trace.
 */
export class StartupError extends Error {
  constructor(
    /** What failed, e.g. `the embedded PostgreSQL server did not start`. */
    readonly failure: string,
    /** What to do about it, e.g. `remove .data/postgres to start afresh`. */
    readonly remedy: string,
    options?: { cause?: unknown },
  ) {
    super(`${failure}: ${remedy}`, options);
    this.name = 'StartupError';
  }
}
