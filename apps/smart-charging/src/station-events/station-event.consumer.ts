import type { StationEvent } from '@app/contracts';
import { EnvelopeConsumer, Topics } from '@app/messaging';
import { InjectDataSource, handleOnce } from '@app/persistence';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';

export const STATION_EVENTS_GROUP = 'smart-charging.station-events';

/**
 * The events this service acts on today: connectivity (a charger that is offline counts at its
 * full rating). Every other event is passed over without a database write: at thousands of
 * events per second, an inbox row per ignored event is most of what the service would cost.
 */
const APPLIED: ReadonlySet<string> = new Set<NonNullable<StationEvent['body']['case']>>(['connected', 'disconnected']);

/** Follows ocpp.events; each applied event is recorded once through the inbox. */
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
      bodies: APPLIED,
      handle: async (event, { logger }) => {
        const applied = await handleOnce(this.dataSource, SMART_CHARGING_SCHEMA, STATION_EVENTS_GROUP, event.eventId, async () => {});
        logger.debug({ eventId: event.eventId, body: event.body.case, applied }, 'station event');
      },
    });
  }
}
