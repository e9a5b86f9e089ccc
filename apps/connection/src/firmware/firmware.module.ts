import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { StationHistoryModule } from '../station-history/station-history.module';
import { FirmwareHandlers } from './firmware.handlers';

@Module({
  imports: [GatewayModule, StationEventsModule, StationHistoryModule],
  providers: [FirmwareHandlers],
})
export class FirmwareModule {}
