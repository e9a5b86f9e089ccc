import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { FirmwareHandlers } from './firmware.handlers';

@Module({
  imports: [GatewayModule, StationEventsModule],
  providers: [FirmwareHandlers],
})
export class FirmwareModule {}
