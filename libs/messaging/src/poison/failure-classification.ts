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

/** Node socket and DNS errors: the peer is down or unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * PostgreSQL SQLSTATE classes a retry can get past, as the gateway reads them (ADR 033): 08
 * connection exception, 40 transaction rollback (serialization failure, deadlock), 53
 * insufficient resources, 55 lock not available, 57 operator intervention (shutdown, statement
 * timeout), 58 system error. Any other class (22 data, 23 constraint, 42 syntax, P0 raised by a
 * trigger) fails the same way every time.
 */
const TRANSIENT_SQLSTATE_CLASSES = new Set(['08', '40', '53', '55', '57', '58']);

/** Messages of pg / typeorm errors that carry no code but mean the connection, not the query, failed. */
const TRANSIENT_MESSAGES = [/connection terminated/i, /connection timeout/i, /timeout exceeded when trying to connect/i, /connection is not established/i, /pool is (draining|ended)/i, /cannot use a pool after calling end/i];

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
    if (NETWORK_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.has(code.slice(0, 2))) return true;
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
