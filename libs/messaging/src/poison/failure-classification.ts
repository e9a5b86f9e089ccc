import { LOST_CONNECTION_MESSAGES, NETWORK_ERROR_CODES, POOL_WAIT_MESSAGE, asSqlState, isTransientSqlState } from './infrastructure-signs';

/**
 * How a handler failure is treated. `transient`: the infrastructure failed (database or broker
 * unreachable, a pool exhausted, a deadlock), not the event, so it is retried without limit.
 * `permanent`: the event itself fails; after a few identical failures it is parked.
 */
export type FailureKind = 'transient' | 'permanent';

/** Thrown (or used as a cause) by a handler that knows its failure heals by itself, whatever the generic rule says. */
export class TransientFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientFailure';
  }
}

/** Thrown (or used as a cause) by a handler that knows retrying cannot help, whatever the generic rule says. */
export class PermanentFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentFailure';
  }
}

/** Messages of pg / typeorm errors that carry no code but mean the connection, not the query, failed. */
const TRANSIENT_MESSAGES = [...LOST_CONNECTION_MESSAGES, POOL_WAIT_MESSAGE, /pool is (draining|ended)/i, /cannot use a pool after calling end/i];

const MAX_DEPTH = 5;

/**
 * Classifies a handler failure by walking its cause chain (typeorm wraps the driver error in
 * `driverError`, kafkajs in `cause`). A handler's explicit TransientFailure or PermanentFailure
 * wins (the outermost one); otherwise any infrastructure sign along the chain makes it transient,
 * and everything else is permanent.
 */
export function classifyFailure(error: unknown): FailureKind {
  const chain = causeChain(error);
  const marked = chain.find((link) => link instanceof TransientFailure || link instanceof PermanentFailure);
  if (marked) return marked instanceof TransientFailure ? 'transient' : 'permanent';
  return chain.some(isInfrastructureFailure) ? 'transient' : 'permanent';
}

function isInfrastructureFailure(link: unknown): boolean {
  if (typeof link !== 'object' || link === null) return false;
  const { code, name, retriable, message } = link as { code?: unknown; name?: unknown; retriable?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_ERROR_CODES.has(code)) return true;
    const sqlState = asSqlState(code);
    if (sqlState !== undefined && isTransientSqlState(sqlState)) return true;
  }
  // kafkajs marks the broker errors worth retrying; its own connection errors are all KafkaJS*.
  if (typeof name === 'string' && name.startsWith('KafkaJS') && retriable !== false) return true;
  if (name === 'CannotConnectAlreadyConnectedError' || name === 'ConnectionNotFoundError') return true;
  return typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
}

/** The error, then its causes (`cause`, typeorm's `driverError`), at most a few deep. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let link = error; link !== undefined && link !== null && chain.length < MAX_DEPTH && !chain.includes(link); ) {
    chain.push(link);
    if (typeof link !== 'object') break;
    const { cause, driverError } = link as { cause?: unknown; driverError?: unknown };
    link = cause ?? driverError;
  }
  return chain;
}
