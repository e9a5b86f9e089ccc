import { EnvelopeConsumer, Topics } from '@app/messaging';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SessionTracker } from '../sessions/session-tracker';
import { FACT_BODIES, stationFactOf } from '../sessions/station-fact.reader';

export const STATION_EVENTS_GROUP = 'smart-charging.station-events';

/**
 * Follows ocpp.events for what allocation needs (connectivity, sessions, draws, EV needs,
 * capabilities) and hands each as a fact to the session tracker. Facts are idempotent, so a
 * redelivered event changes nothing and needs no inbox.
 */
@Injectable()
export class StationEventConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly tracker: SessionTracker,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({
      topic: Topics.events,
      groupId: STATION_EVENTS_GROUP,
      bodies: new Set<string>(FACT_BODIES),
      handle: async (event) => {
        const fact = stationFactOf(event);
        if (fact !== undefined) this.tracker.apply(event.stationId, fact);
      },
    });
  }
}
