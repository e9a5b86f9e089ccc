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
 * PostgreSQL SQLSTATEs that say the server, not the statement, is the problem: 08 connection
 * exceptions, 53 insufficient resources, 57P01-57P03 shutdown / cannot connect now, 40001
 * serialization failure, 40P01 deadlock, 55P03 lock not available, 58000/58030 system and I/O errors.
 */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53'];
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '40001', '40P01', '55P03', '58000', '58030']);

/** Messages of pg / typeorm errors that carry no code but mean the connection, not the query, failed. */
const TRANSIENT_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /connection is not established/i, /pool is (draining|ended)/i, /cannot use a pool after calling end/i];

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
    if (NETWORK_CODES.has(code) || TRANSIENT_SQLSTATES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return true;
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
