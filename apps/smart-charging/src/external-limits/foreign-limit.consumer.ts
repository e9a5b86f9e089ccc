import { type StationEvent, TransactionPhase, timestampDate } from '@app/contracts';
import { EnvelopeConsumer, Topics } from '@app/messaging';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SMART_CHARGING_ORIGIN } from '../dispatch/command-origin';
import { ProfileDispatcher } from '../dispatch/profile-dispatcher';
import { SiteAllocator } from '../site-control/site-allocator';
import { ForeignLimitRecorder } from './foreign-limit.recorder';

export const FOREIGN_LIMITS_GROUP = 'smart-charging.foreign-limits';
const BODIES = new Set(['chargingProfileInstalled', 'chargingProfilesCleared', 'chargingLimit', 'chargingLimitCleared', 'transaction']);

/**
 * Follows ocpp.events for limits others set on stations: operators' profiles the stations accepted
 * (this service's own are told apart by their origin), profiles cleared, limits stations report,
 * and transactions ending (their TxProfiles go). Replaying an event writes the same schedule again.
 */
@Injectable()
export class ForeignLimitConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumer: EnvelopeConsumer,
    private readonly recorder: ForeignLimitRecorder,
    private readonly dispatcher: ProfileDispatcher,
    private readonly allocator: SiteAllocator,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.subscribe({ topic: Topics.events, groupId: FOREIGN_LIMITS_GROUP, bodies: BODIES, handle: (event) => this.handle(event) });
  }

  private async handle(event: StationEvent): Promise<void> {
    const { stationId, body } = event;
    const at = event.occurredAt ? timestampDate(event.occurredAt).getTime() : Date.now();
    switch (body.case) {
      case 'chargingProfileInstalled':
        if (body.value.originService !== SMART_CHARGING_ORIGIN) await this.recorder.profileInstalled(stationId, at, body.value);
        return;
      case 'chargingProfilesCleared': {
        if (body.value.originService === SMART_CHARGING_ORIGIN) return;
        const change = await this.recorder.profilesCleared(stationId, body.value);
        // The clear may have taken this service's profiles too: all of them go again.
        if (change !== undefined) await this.dispatcher.forgetStation(stationId).finally(() => this.allocator.request(change.siteId));
        return;
      }
      case 'chargingLimit':
        return this.recorder.limitReported(stationId, at, body.value);
      case 'chargingLimitCleared':
        return this.recorder.limitCleared(stationId, body.value);
      case 'transaction':
        if (body.value.phase === TransactionPhase.ENDED) await this.recorder.transactionEnded(stationId, body.value.evseId);
        return;
      default:
        return;
    }
  }
}
