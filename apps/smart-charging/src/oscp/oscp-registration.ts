import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { CapacityProviderRepository } from './capacity-provider.repository';
import { OscpClient, type OscpCallOutcome, type OscpPeer } from './oscp.client';
import { OSCP_VERSION } from './oscp-messages.schemas';
import { generateToken, hashToken } from './oscp-token';

const ATTEMPTS = 3;
const RETRY_MS = 1000;

/**
 * Our side of OSCP registration and handshake, sent after we answered the provider's message:
 * - Register: the provider registered with the initial token the operator handed it; we reply with
 *   a new token for it to use from now on (the initial one stops working) and our base URL, then
 *   send a Handshake asking for heartbeats at the provider's interval.
 * - HandshakeAcknowledge: to the provider's Handshake, with the interval we expect its heartbeats at.
 */
@Injectable()
export class OscpRegistration {
  private readonly logger: Logger;

  constructor(
    private readonly providers: CapacityProviderRepository,
    private readonly client: OscpClient,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'oscp' });
  }

  async registerWith(providerId: string, ourBaseUrl: string): Promise<void> {
    const peer = await this.peer(providerId);
    const previousHash = await this.providers.tokenHash(providerId);
    if (peer === undefined || previousHash === undefined) return;
    const token = generateToken();
    // The new token works before the provider learns it, so that its first call with it is not refused.
    await this.providers.update(this.providers.dataSource, providerId, { tokenSha256: hashToken(token) });
    const outcome = await this.sendWithRetry(peer, 'register', { token, version_url: [{ version: OSCP_VERSION, base_url: ourBaseUrl }] });
    if (!outcome.ok) {
      await this.providers.update(this.providers.dataSource, providerId, { tokenSha256: previousHash });
      this.logger.error({ providerId, reason: outcome.reason }, 'registration with the Capacity Provider failed; its previous token stays valid');
      return;
    }
    await this.providers.update(this.providers.dataSource, providerId, { registered: true });
    this.logger.info({ providerId }, 'registered with the Capacity Provider');
    await this.sendWithRetry(peer, 'handshake', { required_behaviour: { heartbeat_interval: await this.interval(providerId) } });
  }

  async acknowledgeHandshake(providerId: string): Promise<void> {
    const peer = await this.peer(providerId);
    if (peer === undefined) return;
    await this.sendWithRetry(peer, 'handshake_acknowledge', { required_behaviour: { heartbeat_interval: await this.interval(providerId) } });
  }

  private async interval(providerId: string): Promise<number | undefined> {
    return (await this.providers.find(this.providers.dataSource, providerId))?.heartbeat_interval_s;
  }

  private async peer(providerId: string): Promise<OscpPeer | undefined> {
    const endpoint = await this.providers.endpoint(providerId);
    if (endpoint === undefined) {
      this.logger.warn({ providerId }, 'the Capacity Provider has no base URL or token to be called with');
      return undefined;
    }
    return { providerId, baseUrl: endpoint.base_url, token: endpoint.outbound_token };
  }

  private async sendWithRetry(peer: OscpPeer, message: string, body: unknown): Promise<OscpCallOutcome> {
    let outcome: OscpCallOutcome = { ok: false, reason: 'not sent' };
    for (let attempt = 1; attempt <= ATTEMPTS && !outcome.ok; attempt += 1) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, RETRY_MS * attempt));
      outcome = await this.client.send(peer, message, body);
    }
    return outcome;
  }
}
