import { EnvelopeConsumer, Topics } from '@app/messaging';
import { InjectDataSource, handleOnce } from '@app/persistence';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PKI_SCHEMA } from '../persistence/pki-schema';

export const STATION_EVENTS_GROUP = 'pki.station-events';

/**
 * Follows ocpp.events. Certificate renewal and profile upgrades react to connections once the
 * PKI issues land; today every event is applied once through the inbox.
 */
@Injectable()
export class StationEventConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    @InjectDataSource(PKI_SCHEMA) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      topic: Topics.events,
      groupId: STATION_EVENTS_GROUP,
      handle: async (event, { logger }) => {
        const applied = await handleOnce(this.dataSource, PKI_SCHEMA, STATION_EVENTS_GROUP, event.eventId, async () => {});
        logger.debug({ eventId: event.eventId, body: event.body.case, applied }, 'station event');
      },
    });
  }
}
