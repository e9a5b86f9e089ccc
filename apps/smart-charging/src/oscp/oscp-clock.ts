import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { CapacityProviderRepository } from './capacity-provider.repository';
import { OscpHeartbeats } from './oscp-heartbeats';
import { OscpLimitApplier } from './oscp-limit.applier';
import { isSilent } from './provider-liveness';

/** How often the providers' silence and our due heartbeats are looked at: the reaction time to a silence, and the heartbeats' precision. */
export const OSCP_TICK_MS = 1000;

/**
 * The timers of OSCP, kept in PostgreSQL so that a restart (or another replica) resumes them:
 * every tick, a provider whose silence no longer matches the forecast applied (its offline_mode_at
 * passed, or it spoke again on another replica) has its forecasts applied again, and due
 * heartbeats are sent. At start every provider is reconciled once.
 */
@Injectable()
export class OscpClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;

  constructor(
    private readonly providers: CapacityProviderRepository,
    private readonly applier: OscpLimitApplier,
    private readonly heartbeats: OscpHeartbeats,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'oscp' });
  }

  onApplicationBootstrap(): void {
    this.tick = this.run(true);
    this.timer = setInterval(() => {
      this.tick ??= this.run(false);
    }, OSCP_TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.tick;
  }

  private async run(all: boolean): Promise<void> {
    try {
      const now = new Date();
      for (const provider of await this.providers.list()) {
        if (all || provider.silent !== isSilent({ silentFrom: new Date(provider.silent_from) }, now)) await this.applier.reconcile(provider.provider_id);
      }
      await this.heartbeats.sendDue();
    } catch (error) {
      this.logger.error({ err: error }, 'OSCP timers failed; trying again at the next tick');
    } finally {
      this.tick = undefined;
    }
  }
}
