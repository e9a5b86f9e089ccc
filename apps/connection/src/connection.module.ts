import { inboxController } from '@app/persistence';
import { Module } from '@nestjs/common';
import { ApiModule } from './api/api.module';
import { ConnectionAuditModule } from './audit/connection-audit.module';
import { AuthorizationModule } from './authorization/authorization.module';
import { CustomerInformationModule } from './customer-information/customer-information.module';
import { DataTransferModule } from './data-transfer/data-transfer.module';
import { DisplayMessagesModule } from './display-messages/display-messages.module';
import { DeviceModelModule } from './device-model/device-model.module';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';
import { FirmwareModule } from './firmware/firmware.module';
import { GatewayModule } from './gateway/gateway.module';
import { MeteringModule } from './metering/metering.module';
import { ParkedEventsModule } from './parked-events/parked-events.module';
import { ConnectionPersistenceModule } from './persistence/connection-persistence.module';
import { CONNECTION_SCHEMA } from './persistence/connection-schema';
import { ProvisioningModule } from './provisioning/provisioning.module';
import { ConnectionRetentionModule } from './retention/retention.module';
import { RoutingModule } from './routing/routing.module';
import { Iso15118Module } from './iso15118/iso15118.module';
import { SecurityModule } from './security/security.module';
import { SmartChargingModule } from './smart-charging/smart-charging.module';
import { StationEventsModule } from './station-events/station-events.module';
import { TransactionsModule } from './transactions/transactions.module';

@Module({
  imports: [
    ConnectionPersistenceModule,
    StationEventsModule,
    GatewayModule,
    ProvisioningModule,
    AuthorizationModule,
    TransactionsModule,
    MeteringModule,
    FirmwareModule,
    DiagnosticsModule,
    DataTransferModule,
    DeviceModelModule,
    SecurityModule,
    Iso15118Module,
    SmartChargingModule,
    DisplayMessagesModule,
    CustomerInformationModule,
    RoutingModule,
    ConnectionRetentionModule,
    ApiModule,
    ConnectionAuditModule,
    ParkedEventsModule,
  ],
  controllers: [inboxController('connection', CONNECTION_SCHEMA)],
})
export class ConnectionModule {}
