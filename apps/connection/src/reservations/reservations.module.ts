import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { CommandObserversModule } from '../routing/command-observers.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { ReservationAnswerObserver } from './reservation-answer.observer';
import { ReservationStatusHandlers } from './reservation-status.handlers';
import { ReservationEnforcer } from './reservation.enforcer';
import { ReservationRepository } from './reservation.repository';

/** Reservations of both versions: stored answers, the 2.0.1 status updates, and the rule that keeps reserved EVSEs for their tokens. */
@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, StationEventsModule, CommandObserversModule],
  providers: [ReservationRepository, ReservationEnforcer, ReservationStatusHandlers, ReservationAnswerObserver],
  exports: [ReservationRepository, ReservationEnforcer],
})
export class ReservationsModule {}
