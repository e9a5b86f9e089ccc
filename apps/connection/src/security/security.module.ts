import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { SecurityEventHandlers } from './security-event.handlers';

/** What stations report about their security; connection authentication itself lives in the gateway. */
@Module({
  imports: [GatewayModule, StationEventsModule],
  providers: [SecurityEventHandlers],
})
export class SecurityModule {}
