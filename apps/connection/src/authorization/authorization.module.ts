import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { ReservationsModule } from '../reservations/reservations.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { AuthorizationHandlers } from './authorization.handlers';
import { AuthorizationService } from './authorization.service';
import { IdTokenRepository } from './id-token.repository';

@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, StationEventsModule, ReservationsModule],
  providers: [AuthorizationHandlers, AuthorizationService, IdTokenRepository],
  exports: [AuthorizationService, IdTokenRepository],
})
export class AuthorizationModule {}
