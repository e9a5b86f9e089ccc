import { createHash } from 'node:crypto';

/** Namespace of the connection service's derived event ids (a random UUID, fixed forever). */
const EVENT_ID_NAMESPACE = Buffer.from('6b3f0c5e8d2a4f71a9e4c2d85b7a1f30', 'hex');

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 over namespace and name) for the event a station
 * message produces, from the station id, the message type and the message's natural key. A
 * station that retries a message gets the same event id, so consumers that dedupe by event id
 * apply it once however often it is published.
 */
export function derivedEventId(stationId: string, messageType: string, naturalKey: readonly (string | number)[]): string {
  const name = JSON.stringify([stationId, messageType, ...naturalKey]);
  const hash = createHash('sha1').update(EVENT_ID_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
