import { EnvelopeConsumer, Topics } from '@app/messaging';
import { InjectDataSource, handleOnce } from '@app/persistence';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';

export const STATION_EVENTS_GROUP = 'smart-charging.station-events';

/**
 * Follows ocpp.events. Allocation reacts to sessions and connectivity once the
 * smart-charging issues land; today every event is applied once through the inbox.
 */
@Injectable()
export class StationEventConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    @InjectDataSource(SMART_CHARGING_SCHEMA) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      topic: Topics.events,
      groupId: STATION_EVENTS_GROUP,
      handle: async (event, { logger }) => {
        const applied = await handleOnce(this.dataSource, SMART_CHARGING_SCHEMA, STATION_EVENTS_GROUP, event.eventId, async () => {});
        logger.debug({ eventId: event.eventId, body: event.body.case, applied }, 'station event');
      },
    });
  }
}
