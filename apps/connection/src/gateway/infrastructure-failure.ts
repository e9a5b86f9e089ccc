import { LOST_CONNECTION_MESSAGES, NETWORK_ERROR_CODES, POOL_WAIT_MESSAGE, asSqlState, isTransientSqlState } from '@app/messaging';

/**
 * Why a failure is the CSMS's infrastructure being unavailable or saturated for now (so that the
 * same CALL, sent again later, can succeed) as opposed to a defect or a permanent rejection:
 * - `database-pool`: no pooled connection free within the pool's wait (pg-pool's timeout);
 * - `database`: PostgreSQL unreachable, restarting, out of resources, or a transaction to retry;
 * - `bus`: the Kafka client failed;
 * - `unknown`: any other error that is not a defect of ours (see `isDefect`).
 */
export type InfrastructureFailure = 'database-pool' | 'database' | 'bus' | 'unknown';

/** JavaScript's own error types: a bug of ours, which a retry of the same CALL meets again. */
const DEFECT_TYPES: readonly (new (...args: never[]) => Error)[] = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError];

/** The reason to withhold the answer, or undefined when the failure is permanent (answered InternalError). */
export function infrastructureFailureOf(error: unknown): InfrastructureFailure | undefined {
  if (!(error instanceof Error)) return 'unknown';
  if (DEFECT_TYPES.some((type) => error.constructor === type)) return undefined;
  const sqlState = sqlStateOf(error);
  if (sqlState !== undefined) return isTransientSqlState(sqlState) ? 'database' : undefined;
  if (POOL_WAIT_MESSAGE.test(error.message)) return 'database-pool';
  if (/^Kafka|^KafkaJS/.test(error.name)) return 'bus';
  const code = codeOf(error) ?? codeOf(causeOf(error));
  if ((code !== undefined && NETWORK_ERROR_CODES.has(code)) || LOST_CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message))) return 'database';
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
    const sqlState = asSqlState(codeOf(candidate));
    if (sqlState !== undefined) return sqlState;
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
