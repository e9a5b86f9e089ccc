/**
 * The signs that a failure came from infrastructure that is unreachable or saturated for now,
 * not from the input: shared by the gateway, which withholds a CALL's answer on them (ADR 033),
 * and by the event consumers, which retry instead of parking (ADR 041), so that both read a
 * failure the same way.
 */

/** Node socket and DNS errors: the peer is down or unreachable. */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * PostgreSQL SQLSTATE classes a retry can get past: 08 connection exception, 40 transaction
 * rollback (serialization failure, deadlock), 53 insufficient resources, 55 object not in
 * prerequisite state (lock not available), 57 operator intervention (shutdown, statement
 * timeout), 58 system error. Any other class (22 data, 23 constraint, 42 syntax or access rule,
 * P0 raised by a trigger) fails the same way every time.
 */
const TRANSIENT_SQLSTATE_CLASSES = new Set(['08', '40', '53', '55', '57', '58']);

/** Messages of pg errors that carry no code but mean the connection, not the query, failed. */
export const LOST_CONNECTION_MESSAGES: readonly RegExp[] = [/connection terminated/i, /connection timeout/i, /connection is not established/i];

/** pg-pool's message when no pooled connection was free within its wait. */
export const POOL_WAIT_MESSAGE = /timeout exceeded when trying to connect/i;

/** A SQLSTATE (five characters, as pg puts in `code`), or undefined for any other code such as ECONNRESET. */
export function asSqlState(code: unknown): string | undefined {
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('E') ? code : undefined;
}

export function isTransientSqlState(sqlState: string): boolean {
  return TRANSIENT_SQLSTATE_CLASSES.has(sqlState.slice(0, 2));
}
