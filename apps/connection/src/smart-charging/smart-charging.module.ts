import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { RoutingModule } from '../routing/routing.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { ChargingCapabilitiesDiscovery } from './charging-capabilities.discovery';
import { ReportedProfileRepository } from './reported-profile.repository';
import { EvChargingScheduleRepository } from './ev-charging-schedule.repository';
import { SmartChargingHandlers } from './smart-charging.handlers';

/** The station side of smart charging: what stations report and can do, in neutral events for the smart-charging service. */
@Module({
  imports: [ConnectionPersistenceModule, GatewayModule, StationEventsModule, RoutingModule],
  providers: [SmartChargingHandlers, ChargingCapabilitiesDiscovery, ReportedProfileRepository, EvChargingScheduleRepository],
  exports: [ChargingCapabilitiesDiscovery, EvChargingScheduleRepository],
})
export class SmartChargingModule {}
