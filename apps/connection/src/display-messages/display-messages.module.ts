import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { CommandObserversModule } from '../routing/command-observers.module';
import { DisplayMessageLedger } from './display-message.ledger';
import { DisplayMessageObserver } from './display-message.observer';
import { DisplayMessageRepository } from './display-message.repository';
import { DisplayMessagesHandlers } from './display-messages.handlers';

/** Display messages of 2.0.1 stations (functional block O): what each station shows, kept from its answers and reports. */
@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, CommandObserversModule, StationEventsModule],
  providers: [DisplayMessageRepository, DisplayMessageLedger, DisplayMessagesHandlers, DisplayMessageObserver],
  exports: [DisplayMessageRepository],
})
export class DisplayMessagesModule {}
