import { randomUUID } from 'node:crypto';
import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { authorizationOf } from './oscp-token';

/** Where and as whom to call a provider. The token is a secret: it goes into the header and nowhere else. */
export interface OscpPeer {
  providerId: string;
  baseUrl: string;
  token: string;
}

export type OscpCallOutcome = { ok: true; status: number } | { ok: false; status?: number; reason: string };

const CALL_TIMEOUT_MS = 10_000;

/**
 * Sends OSCP messages to a Capacity Provider: POST <base_url>/<message> with the token it gave us,
 * a fresh X-Request-ID, and JSON. The spec answers 204; anything else is a failure, reported to
 * the caller and logged without the token.
 */
@Injectable()
export class OscpClient {
  private readonly logger: Logger;

  constructor(@Inject(ROOT_LOGGER) rootLogger: Logger) {
    this.logger = rootLogger.child({ component: 'oscp-client' });
  }

  async send(peer: OscpPeer, message: string, body: unknown, correlationId?: string): Promise<OscpCallOutcome> {
    const url = `${peer.baseUrl.replace(/\/+$/, '')}/${message}`;
    const requestId = randomUUID();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: authorizationOf(peer.token),
          'content-type': 'application/json',
          'x-request-id': requestId,
          ...(correlationId === undefined ? {} : { 'x-correlation-id': correlationId }),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (response.status === 204 || response.status === 200) return { ok: true, status: response.status };
      this.logger.warn({ providerId: peer.providerId, url, message, requestId, status: response.status }, 'Capacity Provider refused an OSCP message');
      return { ok: false, status: response.status, reason: `HTTP ${response.status}` };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ providerId: peer.providerId, url, message, requestId, reason }, 'could not reach a Capacity Provider');
      return { ok: false, reason };
    }
  }
}
