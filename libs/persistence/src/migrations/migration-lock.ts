/** Runs one statement on the lock's own connection; resolves with its rows. */
export type LockQuery = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

const POLL_MS = 250;

/**
 * Takes the session-level advisory lock that serialises a schema's migrations across replicas.
 * It is polled with pg_try_advisory_lock instead of waited for with pg_advisory_lock: a waiting
 * statement keeps a snapshot open, and CREATE INDEX CONCURRENTLY in the holder's migrations waits
 * for every transaction with an older snapshot to end, so replicas starting together would wait
 * on each other for ever, a cycle PostgreSQL cannot see (it runs through the lock's owner).
 * Between two tries a waiter holds no transaction. `waiting` is called once, on the first miss.
 */
export async function takeMigrationLock(query: LockQuery, key: string, waiting: () => void = () => undefined, pollMs = POLL_MS): Promise<void> {
  for (let tries = 0; ; tries++) {
    const [row] = await query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
    if (row?.locked === true) return;
    if (tries === 0) waiting();
    // Spread, so replicas that missed together do not try again together.
    await new Promise((resolve) => setTimeout(resolve, pollMs * (0.5 + Math.random())));
  }
}

export async function releaseMigrationLock(query: LockQuery, key: string): Promise<void> {
  await query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
}
