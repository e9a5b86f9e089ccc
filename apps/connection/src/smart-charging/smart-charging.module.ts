import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { SmartChargingHandlers } from './smart-charging.handlers';

/** The station side of smart charging: what stations report, in neutral events for the smart-charging service. */
@Module({
  imports: [GatewayModule, StationEventsModule],
  providers: [SmartChargingHandlers],
})
export class SmartChargingModule {}
