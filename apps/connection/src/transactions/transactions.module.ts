import { Module } from '@nestjs/common';
import { AuthorizationModule } from '../authorization/authorization.module';
import { GatewayModule } from '../gateway/gateway.module';
import { MeteringModule } from '../metering/metering.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { ReservationsModule } from '../reservations/reservations.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { TransactionHandlers } from './transaction.handlers';
import { TransactionMessageHandler } from './transaction-message.handler';
import { TransactionRecorder } from './transaction.recorder';
import { TransactionRepository } from './transaction.repository';

@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, StationEventsModule, AuthorizationModule, MeteringModule, ReservationsModule],
  providers: [TransactionHandlers, TransactionMessageHandler, TransactionRecorder, TransactionRepository],
  exports: [TransactionRepository],
})
export class TransactionsModule {}
