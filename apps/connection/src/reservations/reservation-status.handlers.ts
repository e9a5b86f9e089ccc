import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type Ocpp201, assertStorableIntegers } from '@app/ocpp';
import { CallHandlerRegistry } from '../gateway/call-handler.registry';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { ReservationRepository } from './reservation.repository';

const endings: Readonly<Record<Ocpp201.ReservationUpdateStatusEnumType, 'expired' | 'removed'>> = { Expired: 'expired', Removed: 'removed' };

/**
 * 2.0.1 ReservationStatusUpdate: the station ended a reservation (Expired, or Removed, e.g. when
 * the EVSE became unavailable). Stored before the answer `{}`, so the station retries if the
 * database cannot take it; a reservation that already ended, or that is not this station's, stays as it is.
 */
@Injectable()
export class ReservationStatusHandlers implements OnModuleInit {
  constructor(
    private readonly registry: CallHandlerRegistry,
    private readonly reservations: ReservationRepository,
    private readonly durability: DurableAcknowledgement,
  ) {}

  onModuleInit(): void {
    this.registry.registerVersioned({
      '2.0.1': {
        ReservationStatusUpdate: async (context, request) => {
          // An id no reservation can have would fail the query and be withheld for ever: the station is told.
          assertStorableIntegers({ reservationId: request.reservationId });
          const status = endings[request.reservationUpdateStatus];
          const ended = await this.durability.store(context.logger, 'ReservationStatusUpdate', () =>
            this.reservations.end(request.reservationId, status, { stationId: context.stationId }),
          );
          context.logger.info({ reservationId: request.reservationId, status, changed: ended }, 'reservation status update');
          return {};
        },
      },
    });
  }
}
