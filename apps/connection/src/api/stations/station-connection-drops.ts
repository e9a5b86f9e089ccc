import { ROOT_LOGGER } from '@app/observability';
import { PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ConnectionDrop } from './registration-change';

/** Long enough for the command to reach the holding replica on a busy broker; closing takes no station round trip. */
const DROP_TIMEOUT_MS = 15_000;

/**
 * Ends a station's live connection after its credentials or registration changed (ADR 039),
 * on whichever replica holds it: a drop_connection command through ocpp.commands, like any
 * command, so it is in the command history too. The change is already stored when this runs;
 * a drop that cannot be delivered is logged and leaves the station connected until it
 * reconnects (then the new registration applies).
 */
@Injectable()
export class StationConnectionDrops {
  private readonly logger: Logger;

  constructor(
    private readonly client: StationCommandClient,
    private readonly presence: PresenceDirectory,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'connection-drops' });
  }

  /** Resolves once the holding replica answered (or at once when the station is not connected); never rejects. */
  async drop(stationId: string, drop: ConnectionDrop, actor?: string): Promise<void> {
    if (!this.presence.locate(stationId)?.connected) return;
    try {
      const outcome = await this.client.send(stationId, { case: 'dropConnection', value: drop }, { timeoutMs: DROP_TIMEOUT_MS, actor });
      this.logger.info({ stationId, cause: drop.cause, commandId: outcome.commandId, status: outcome.status, result: outcome.result }, 'asked the holding replica to drop the station connection');
    } catch (error) {
      this.logger.error({ err: error, stationId, cause: drop.cause }, 'could not ask the holding replica to drop the station connection; it stays connected until it reconnects');
    }
  }
}
