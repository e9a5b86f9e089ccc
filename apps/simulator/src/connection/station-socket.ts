import WebSocket from 'ws';
import type { SocketTarget } from './connection-settings';

export enum ConnectFailureCode {
  /** The CSMS answered the upgrade with an HTTP status (401, 404, ...). */
  Refused = 'refused',
  /** TCP or TLS failed (ECONNREFUSED, EADDRNOTAVAIL, certificate errors, ...). */
  Network = 'network',
  /** No answer to the upgrade within the handshake timeout. */
  Timeout = 'timeout',
  /** The CSMS accepted without selecting the subprotocol offered. */
  Subprotocol = 'subprotocol',
}

export interface ConnectFailure {
  readonly code: ConnectFailureCode;
  /** For `refused`: the HTTP status. */
  readonly httpStatus?: number;
  /** For `refused`: the seconds the CSMS asked to wait (Retry-After, e.g. with 503), when it said. */
  readonly retryAfterS?: number;
  /** For `network`: the system or TLS error code, e.g. ECONNREFUSED. */
  readonly errno?: string;
  readonly message: string;
}

export type SocketOutcome = { readonly ok: true; readonly socket: WebSocket } | { readonly ok: false; readonly failure: ConnectFailure };

function networkFailure(error: Error & { code?: unknown }): ConnectFailure {
  const errno = typeof error.code === 'string' ? error.code : undefined;
  if (/timed out|timeout/i.test(error.message) && errno === undefined) return { code: ConnectFailureCode.Timeout, message: error.message };
  return { code: ConnectFailureCode.Network, errno: errno ?? 'UNKNOWN', message: error.message };
}

/** Retry-After as delay-seconds (the HTTP-date form is not used by CSMSs for upgrades). */
function retryAfterSeconds(header: string | undefined): number | undefined {
  const seconds = header === undefined ? NaN : Number(header.trim());
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * Opens the WebSocket of one station. Never rejects: a refused upgrade, a network error or a
 * handshake timeout resolves as a failure value.
 */
export function openStationSocket(target: SocketTarget): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: SocketOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const socket = new WebSocket(target.url, target.protocols, target.options);
    socket.once('open', () => {
      if (target.protocols.includes(socket.protocol)) return settle({ ok: true, socket });
      socket.terminate();
      settle({ ok: false, failure: { code: ConnectFailureCode.Subprotocol, message: `the CSMS selected subprotocol "${socket.protocol}"` } });
    });
    socket.once('unexpected-response', (request, response) => {
      const httpStatus = response.statusCode ?? 0;
      const retryAfterS = retryAfterSeconds(response.headers['retry-after']);
      response.resume();
      request.destroy();
      const failure: ConnectFailure = { code: ConnectFailureCode.Refused, httpStatus, message: `upgrade refused with HTTP ${httpStatus}` };
      settle({ ok: false, failure: retryAfterS === undefined ? failure : { ...failure, retryAfterS } });
    });
    socket.on('error', (error) => settle({ ok: false, failure: networkFailure(error) }));
  });
}
