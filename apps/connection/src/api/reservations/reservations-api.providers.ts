import { ReservationRepository } from '../station-core.port';
import { ReservationReadRepository } from './reservation-read.repository';
import { ReservationsService } from './reservations.service';

/** What the reservations endpoints need, for the operator API module. */
export const reservationsApiProviders = [ReservationRepository, ReservationReadRepository, ReservationsService];
