/**
 * Why a failure is the CSMS's infrastructure being unavailable or saturated for now (so that the
 * same CALL, sent again later, can succeed) as opposed to a defect or a permanent rejection:
 * - `database-pool`: no pooled connection free within the pool's wait (pg-pool's timeout);
 * - `database`: PostgreSQL unreachable, restarting, out of resources, or a transaction to retry;
 * - `bus`: the Kafka client failed;
 * - `unknown`: any other error that is not a defect of ours (see `isDefect`).
 */
export type InfrastructureFailure = 'database-pool' | 'database' | 'bus' | 'unknown';

/**
 * SQLSTATE classes that a retry can get past: 08 connection exception, 40 transaction rollback
 * (serialization failure, deadlock), 53 insufficient resources, 55 object not in prerequisite
 * state (lock not available), 57 operator intervention (shutdown, statement timeout), 58 system error.
 * Any other class (22 data exception, 23 integrity constraint, 42 syntax or access rule, ...)
 * fails the same way every time.
 */
const TRANSIENT_SQLSTATE_CLASSES = new Set(['08', '40', '53', '55', '57', '58']);

/** Node system errors of a socket that could not reach, or lost, its server. */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** JavaScript's own error types: a bug of ours, which a retry of the same CALL meets again. */
const DEFECT_TYPES: readonly (new (...args: never[]) => Error)[] = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError];

/** The reason to withhold the answer, or undefined when the failure is permanent (answered InternalError). */
export function infrastructureFailureOf(error: unknown): InfrastructureFailure | undefined {
  if (!(error instanceof Error)) return 'unknown';
  if (DEFECT_TYPES.some((type) => error.constructor === type)) return undefined;
  const sqlState = sqlStateOf(error);
  if (sqlState !== undefined) return TRANSIENT_SQLSTATE_CLASSES.has(sqlState.slice(0, 2)) ? 'database' : undefined;
  if (/timeout exceeded when trying to connect/i.test(error.message)) return 'database-pool';
  if (/^Kafka|^KafkaJS/.test(error.name)) return 'bus';
  const code = codeOf(error) ?? codeOf(causeOf(error));
  if ((code !== undefined && NETWORK_ERROR_CODES.has(code)) || /connection terminated|connection timeout|Connection is not established/i.test(error.message)) return 'database';
  return 'unknown';
}

/**
 * True when PostgreSQL refused a value itself: SQLSTATE class 22 (data exception: out of range,
 * too long, invalid text) or 23514 (a check constraint, e.g. a negative connector id). The
 * station sent a value the schema allows but the CSMS cannot store; it would meet the same
 * refusal on every retry.
 */
export function isRefusedValue(error: unknown): boolean {
  const sqlState = error instanceof Error ? sqlStateOf(error) : undefined;
  return sqlState !== undefined && (sqlState.startsWith('22') || sqlState === '23514');
}

/** A pg DatabaseError carries the SQLSTATE as `code`; TypeORM's QueryFailedError keeps it on `driverError`. */
function sqlStateOf(error: Error): string | undefined {
  for (const candidate of [error, (error as { driverError?: unknown }).driverError]) {
    const code = codeOf(candidate);
    if (code !== undefined && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('E')) return code;
  }
  return undefined;
}

function codeOf(value: unknown): string | undefined {
  const code = typeof value === 'object' && value !== null ? (value as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function causeOf(error: Error): unknown {
  return error.cause;
}
