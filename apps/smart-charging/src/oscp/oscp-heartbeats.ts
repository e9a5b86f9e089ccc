import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { CapacityProviderRepository } from './capacity-provider.repository';
import { OscpClient } from './oscp.client';
import { ourOfflineModeAt } from './provider-liveness';

/**
 * Our heartbeats to the providers: each at its interval, with the offline_mode_at after which it
 * may take us as offline. Which heartbeats are due is claimed in the database (the provider row
 * moves its next due time), so replicas do not send the same one twice and a restart keeps the
 * rhythm.
 */
@Injectable()
export class OscpHeartbeats {
  private readonly logger: Logger;

  constructor(
    private readonly providers: CapacityProviderRepository,
    private readonly client: OscpClient,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'oscp' });
  }

  async sendDue(now: () => Date = () => new Date()): Promise<void> {
    const due = await this.providers.claimDueHeartbeats();
    await Promise.all(
      due.map(async (endpoint) => {
        const body = { offline_mode_at: ourOfflineModeAt(now(), endpoint.heartbeat_interval_s).toISOString() };
        const outcome = await this.client.send({ providerId: endpoint.provider_id, baseUrl: endpoint.base_url, token: endpoint.outbound_token }, 'heartbeat', body);
        await this.providers.recordHeartbeatSent(endpoint.provider_id, outcome.ok ? `sent (HTTP ${outcome.status})` : `failed: ${outcome.reason}`);
        if (outcome.ok) this.logger.debug({ providerId: endpoint.provider_id }, 'heartbeat sent');
      }),
    );
  }
}
