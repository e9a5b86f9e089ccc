import { OcppErrorKind, OcppRpcError, assertStorableIntegers } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CallContext, CallHandlerRegistry } from '../gateway/call-handler.registry';
import type { StationEventBody } from '../station-events/event-body';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { StationEventEmitter } from '../station-events/station-event.emitter';
import { chargingLimitClearedEvent, chargingLimitEvent } from './charging-limit.adapter';
import { evChargingNeedsAnswer, evChargingNeedsEvent } from './ev-charging-needs.adapter';
import { EvChargingScheduleRepository } from './ev-charging-schedule.repository';
import { chargingProfilesReportedEvent } from './reported-profile.adapter';
import { ReportedProfileRepository } from './reported-profile.repository';

/**
 * What 2.0.1 stations tell the CSMS for smart charging (1.6 has none of these messages): an EV's
 * needs, limits set by others, and the profiles asked for with GetChargingProfiles. Each is
 * answered at once and published after (like boots and statuses: losing one when Kafka is down
 * costs a re-allocation with less information, never a wrong limit). Reported profiles are also
 * stored before the answer, for GET /api/stations/{id}/reported-charging-profiles.
 */
@Injectable()
export class SmartChargingHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly events: StationEventEmitter,
    private readonly reportedProfiles: ReportedProfileRepository,
    private readonly durability: DurableAcknowledgement,
    private readonly evSchedules: EvChargingScheduleRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '2.0.1': {
        NotifyEVChargingNeeds: async (context, request) => {
          this.publish(context, evChargingNeedsEvent(request), { evseId: request.evseId, mode: request.chargingNeeds.requestedEnergyTransfer });
          return evChargingNeedsAnswer();
        },
        NotifyChargingLimit: async (context, request) => {
          this.publish(context, chargingLimitEvent(request), { evseId: request.evseId, source: request.chargingLimit.chargingLimitSource });
          return {};
        },
        ClearedChargingLimit: async (context, request) => {
          this.publish(context, chargingLimitClearedEvent(request), { evseId: request.evseId, source: request.chargingLimitSource });
          return {};
        },
        // The EV's own schedule (ISO 15118): stored before it is accepted, for operators to read.
        NotifyEVChargingSchedule: async (context, request) => {
          assertStorableIntegers({ evseId: request.evseId });
          await this.durability.store(context.logger, 'NotifyEVChargingSchedule', () => this.evSchedules.save(context.stationId, request.evseId, request.timeBase, request.chargingSchedule));
          context.logger.info({ evseId: request.evseId, periods: request.chargingSchedule.chargingSchedulePeriod.length }, 'EV charging schedule');
          return { status: 'Accepted' };
        },
        ReportChargingProfiles: async (context, request) => {
          const { requestId, evseId, tbc } = request;
          assertStorableIntegers({ requestId, evseId });
          request.chargingProfile.forEach((profile, index) => assertStorableIntegers({ [`chargingProfile[${index}].id`]: profile.id, [`chargingProfile[${index}].stackLevel`]: profile.stackLevel }));
          // One row per profile id: a report naming an id twice fails its upsert on every retry, so it is refused, not withheld.
          const twice = request.chargingProfile.find((profile, index) => request.chargingProfile.findIndex((other) => other.id === profile.id) !== index);
          if (twice !== undefined) throw new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, `chargingProfile lists profile id ${twice.id} more than once`);
          await this.durability.store(context.logger, 'ReportChargingProfiles', () => this.reportedProfiles.store(context.stationId, request));
          this.publish(context, chargingProfilesReportedEvent(request), { requestId, evseId, profiles: request.chargingProfile.length, tbc });
          return {};
        },
      },
    });
  }

  private publish(context: CallContext, body: StationEventBody, details: Record<string, unknown>): void {
    context.logger.info({ ...details, event: body.case }, 'smart-charging message from the station');
    this.events.publishAnswered(context.stationId, body, context.logger);
  }
}
