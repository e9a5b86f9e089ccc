import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { CommandObserversModule } from '../routing/command-observers.module';
import { CustomerInformationHandlers } from './customer-information.handlers';
import { CustomerInformationObserver } from './customer-information.observer';
import { CustomerInformationRepository } from './customer-information.repository';

/** Customer information of 2.0.1 stations (functional block N): requests and the reports they bring back. */
@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, CommandObserversModule, StationEventsModule],
  providers: [CustomerInformationRepository, CustomerInformationHandlers, CustomerInformationObserver],
  exports: [CustomerInformationRepository],
})
export class CustomerInformationModule {}
