import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { DataTransferHandlers } from './data-transfer.handlers';

@Module({
  imports: [GatewayModule, StationEventsModule],
  providers: [DataTransferHandlers],
})
export class DataTransferModule {}
