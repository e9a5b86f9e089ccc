import type { StationCommand } from '@app/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Execution } from '../routing/command-execution';
import { CommandResultObservers } from '../routing/command-result.observers';
import { ReservationRepository } from './reservation.repository';
import { statusAfterReserveNow } from './reservation.rules';

/**
 * Learns from the answers to ReserveNow and CancelReservation on the replica that sent them: the
 * reservation becomes active, refused or failed, or cancelled. The operator API records the same
 * answer when it arrives there; whichever comes first wins, the second changes nothing.
 */
@Injectable()
export class ReservationAnswerObserver implements OnModuleInit {
  constructor(
    private readonly observers: CommandResultObservers,
    private readonly reservations: ReservationRepository,
  ) {}

  onModuleInit(): void {
    this.observers.register('reservations', (command, execution) => this.observe(command, execution));
  }

  async observe(command: StationCommand, execution: Execution): Promise<void> {
    const body = command.body;
    if (body.case === 'reserveNow') {
      await this.reservations.recordAnswer(body.value.reservationId, command.commandId, statusAfterReserveNow(execution.outcome));
    } else if (body.case === 'cancelReservation' && execution.outcome.status === 'accepted') {
      await this.reservations.end(body.value.reservationId, 'cancelled', { stationId: command.stationId });
    }
  }
}
