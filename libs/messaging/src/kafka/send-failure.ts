import type { SendFailureVerdict } from './publish-batcher';

/**
 * Broker answers that say the producer's identity or sequence is no longer usable: only a new
 * producer (a new producer id, sequences from zero) gets past them.
 * 45 OUT_OF_ORDER_SEQUENCE_NUMBER, 47 INVALID_PRODUCER_EPOCH, 59 UNKNOWN_PRODUCER_ID.
 */
const PRODUCER_STATE_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'INVALID_PRODUCER_EPOCH', 'UNKNOWN_PRODUCER_ID']);

/**
 * Broker answers about the records themselves, which sending them again cannot change:
 * the request is refused for good (the caller's publish fails).
 */
const RECORD_ERRORS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TOPIC_EXCEPTION',
  'TOPIC_AUTHORIZATION_FAILED',
  'CLUSTER_AUTHORIZATION_FAILED',
  'UNSUPPORTED_FOR_MESSAGE_FORMAT',
]);

/**
 * What to do with a produce request that kafkajs gave up on (after its own retries). By default
 * the same request goes again (ADR 035): a broker that is down or restarting, a lost response, a
 * timed-out request all heal, and the unchanged request keeps its sequence numbers so the broker
 * writes it once. Errors about the producer's state need a new producer first (the records then
 * get new sequence numbers; if the lost attempt had been written, a consumer sees the event id
 * twice and dedupes it). Errors about the records fail the publish.
 */
export function sendFailureVerdict(error: unknown): SendFailureVerdict {
  const types = errorTypes(error);
  if (types.some((type) => RECORD_ERRORS.has(type))) return 'reject';
  if (types.some((type) => PRODUCER_STATE_ERRORS.has(type))) return 'reset-and-resend';
  return 'resend';
}

/**
 * The protocol error types along an error's cause chain (kafkajs wraps them in
 * KafkaJSNumberOfRetriesExceeded) and in an aggregate's `errors` (one per partition).
 */
function errorTypes(error: unknown, depth = 0): string[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const { type, cause, errors } = error as { type?: unknown; cause?: unknown; errors?: unknown };
  const nested = Array.isArray(errors) ? errors.flatMap((each: unknown) => errorTypes(each, depth + 1)) : [];
  return [...(typeof type === 'string' ? [type] : []), ...nested, ...(cause === error ? [] : errorTypes(cause, depth + 1))];
}
