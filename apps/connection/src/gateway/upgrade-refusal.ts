import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Why an upgrade request is answered with an HTTP error instead of a WebSocket. */
export class UpgradeRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 429 | 503,
    readonly reason: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(reason);
    this.name = 'UpgradeRefusal';
  }
}

export function writeRefusal(socket: Duplex, refusal: UpgradeRefusal): void {
  if (socket.destroyed) return;
  const body = `${refusal.reason}\n`;
  const headers = {
    Connection: 'close',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...refusal.headers,
  };
  const head = [`HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** Why an upgrade was turned away with 503: retryable, the station should come back after Retry-After. */
export type TurnAwayReason = 'admission-limit' | 'registry-busy' | 'registry-unavailable' | 'draining';

/** Why one address or station was turned away with 429 + Retry-After, or its handshake dropped (ADR 040). */
export type AbuseTurnAwayReason = 'address-blocked' | 'station-blocked' | 'address-rate' | 'station-rate' | 'pending-handshakes' | 'handshake-timeout';

/** The retryable refusal of an upgrade the CSMS cannot take now. */
export function busyRefusal(retryAfterSeconds: number): UpgradeRefusal {
  return new UpgradeRefusal(503, 'the CSMS is busy; try again later', { 'Retry-After': String(retryAfterSeconds) });
}

/** The refusal of a replica that is draining (ADR 045): the station connects again at once and lands elsewhere. */
export function drainingRefusal(retryAfterSeconds: number): UpgradeRefusal {
  return new UpgradeRefusal(503, 'this CSMS replica is shutting down; connect again', { 'Retry-After': String(retryAfterSeconds) });
}

/** The retryable refusal of one address or station that tries too often (ADR 040). */
export function tooManyRefusal(retryAfterSeconds: number, reason: string): UpgradeRefusal {
  return new UpgradeRefusal(429, reason, { 'Retry-After': String(retryAfterSeconds) });
}
