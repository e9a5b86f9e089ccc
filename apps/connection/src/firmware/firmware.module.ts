import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { CommandObserversModule } from '../routing/command-observers.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { StationHistoryModule } from '../station-history/station-history.module';
import { FirmwarePublishingObserver } from './firmware-publishing.observer';
import { FirmwareHandlers } from './firmware.handlers';
import { PublishedFirmwareRepository } from './published-firmware.repository';

@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, StationEventsModule, StationHistoryModule, CommandObserversModule],
  providers: [FirmwareHandlers, PublishedFirmwareRepository, FirmwarePublishingObserver],
  exports: [PublishedFirmwareRepository],
})
export class FirmwareModule {}
