import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module';
import { DeviceModelModule } from '../device-model/device-model.module';
import { GatewayModule } from '../gateway/gateway.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { LocalListsModule } from '../local-lists/local-lists.module';
import { SmartChargingModule } from '../smart-charging/smart-charging.module';
import { StationEventsModule } from '../station-events/station-events.module';
import { StationHistoryModule } from '../station-history/station-history.module';
import { StationsModule } from '../stations/stations.module';
import { BootNotificationHandler } from './boot-notification.handler';
import { ProvisioningHandlers } from './provisioning.handlers';
import { StatusNotificationHandler } from './status-notification.handler';

@Module({
  imports: [GatewayModule, StationsModule, StationEventsModule, StationHistoryModule, SmartChargingModule, MonitoringModule, DeviceModelModule, LocalListsModule, CredentialsModule],
  providers: [ProvisioningHandlers, BootNotificationHandler, StatusNotificationHandler],
})
export class ProvisioningModule {}
