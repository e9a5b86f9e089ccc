import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { StationHistoryModule } from '../station-history/station-history.module';
import { DiagnosticsHandlers } from './diagnostics.handlers';

@Module({
  imports: [GatewayModule, StationEventsModule, StationHistoryModule],
  providers: [DiagnosticsHandlers],
})
export class DiagnosticsModule {}
