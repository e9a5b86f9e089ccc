import type { Mapped } from './call-mapping';
import { mapped, refuse } from './call-mapping';
import { int32OfBigint } from './payload-fields';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A positive 31-bit integer derived from the command id (FNV-1a), for the ids OCPP wants as
 * integers (remoteStartId, requestId) when the command leaves them 0. Deterministic: a command
 * that is redelivered or retried gets the same id, and the response mapping can name it again.
 */
export function derivedRequestId(commandId: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < commandId.length; index += 1) {
    hash = Math.imul(hash ^ commandId.charCodeAt(index), FNV_PRIME) >>> 0;
  }
  return hash & 0x7fffffff || 1;
}

/** The given positive id, or one derived from the command id when it is 0. */
export function requestIdOf(given: bigint | number, commandId: string): Mapped<number> {
  if (given === 0 || given === 0n) return mapped(derivedRequestId(commandId));
  const value = int32OfBigint(BigInt(given));
  if (value === undefined || value <= 0) return refuse(`request id ${given} is not a positive 32-bit integer`);
  return mapped(value);
}
