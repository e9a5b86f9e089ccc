import { StationCommandsModule } from '@app/station-commands';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthorizationModule } from '../authorization/authorization.module';
import { CustomerInformationModule } from '../customer-information/customer-information.module';
import { DeviceModelModule } from '../device-model/device-model.module';
import { DisplayMessagesModule } from '../display-messages/display-messages.module';
import { FirmwareModule } from '../firmware/firmware.module';
import { SmartChargingModule } from '../smart-charging/smart-charging.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { ConnectionPersistenceModule } from '../persistence/connection-persistence.module';
import { StationsModule } from '../stations/stations.module';
import { CredentialsModule } from './station-core.port';
import { ReportedChargingProfilesReadRepository } from './charging-profiles/reported-charging-profiles-read.repository';
import { ReportedChargingProfilesController } from './charging-profiles/reported-charging-profiles.controller';
import { ReportedChargingProfilesService } from './charging-profiles/reported-charging-profiles.service';
import { CommandHistoryReadRepository } from './command-history/command-history-read.repository';
import { CommandHistoryController } from './command-history/command-history.controller';
import { CommandHistoryService } from './command-history/command-history.service';
import { StationCommandsController } from './commands/station-commands.controller';
import { Ocpp201CallSender } from './commands/ocpp201-call.sender';
import { StationCommandsService } from './commands/station-commands.service';
import { CustomerInformationController } from './customer-information/customer-information.controller';
import { CustomerInformationService } from './customer-information/customer-information.service';
import { deviceModelApiControllers, deviceModelApiProviders } from './device-model/device-model-api.parts';
import { DisplayMessagesController } from './display-messages/display-messages.controller';
import { DisplayMessagesService } from './display-messages/display-messages.service';
import { EvChargingSchedulesController } from './ev-charging-schedules/ev-charging-schedules.controller';
import { EvChargingSchedulesService } from './ev-charging-schedules/ev-charging-schedules.service';
import { IdTokenStoreRepository } from './id-tokens/id-token-store.repository';
import { IdTokensController } from './id-tokens/id-tokens.controller';
import { IdTokensService } from './id-tokens/id-tokens.service';
import { LocalListsModule } from './local-lists.port';
import { LocalListsController } from './local-lists/local-lists.controller';
import { LocalListsService } from './local-lists/local-lists.service';
import { StationMeterValuesReadRepository } from './meter-values/station-meter-values-read.repository';
import { StationMeterValuesController } from './meter-values/station-meter-values.controller';
import { StationMeterValuesService } from './meter-values/station-meter-values.service';
import { PublishedFirmwareController } from './published-firmware/published-firmware.controller';
import { PublishedFirmwareService } from './published-firmware/published-firmware.service';
import { monitoringApiControllers, monitoringApiProviders } from './monitoring/monitoring-api';
import { ReservationsController } from './reservations/reservations.controller';
import { reservationsApiProviders } from './reservations/reservations-api.providers';
import { StationHistoryReadRepository } from './station-history/station-history-read.repository';
import { StationHistoryController } from './station-history/station-history.controller';
import { StationHistoryService } from './station-history/station-history.service';
import { ConnectorsController } from './stations/connectors.controller';
import { StationReadRepository } from './stations/station-read.repository';
import { StationMinimumProfileController } from './stations/station-minimum-profile.internal.controller';
import { StationPasswordController } from './stations/station-password.controller';
import { StationPasswordRotation } from './stations/station-password.rotation';
import { StationTenantAssignment } from './stations/station-tenant.assignment';
import { StationTenantController } from './stations/station-tenant.controller';
import { TenantStationsController } from './stations/tenant-stations.internal.controller';
import { StationConnectionDrops } from './stations/station-connection-drops';
import { StationRegistrationRepository } from './stations/station-registration.repository';
import { StationsController } from './stations/stations.controller';
import { StationsService } from './stations/stations.service';
import { StationTenantRepository, operatorApiTenantScope } from './tenancy.port';
import { TransactionExportRepository } from './transactions/transaction-export.repository';
import { TransactionExportService } from './transactions/transaction-export.service';
import { TransactionReadRepository } from './transactions/transaction-read.repository';
import { TransactionsController } from './transactions/transactions.controller';
import { TransactionsService } from './transactions/transactions.service';
import { ParkedEventsController } from '../parked-events/parked-events.controller';
import { ParkedEventsModule } from '../parked-events/parked-events.module';

/** Every controller of the operator REST API, for the role-matrix spec and the module. */
export const operatorApiControllers = [
  StationsController,
  StationPasswordController,
  StationTenantController,
  ConnectorsController,
  TransactionsController,
  IdTokensController,
  StationCommandsController,
  CommandHistoryController,
  StationHistoryController,
  StationMeterValuesController,
  ReportedChargingProfilesController,
  DisplayMessagesController,
  CustomerInformationController,
  PublishedFirmwareController,
  EvChargingSchedulesController,
  ...monitoringApiControllers,
  ReservationsController,
  ...deviceModelApiControllers,
  LocalListsController,
  ParkedEventsController,
];

/**
 * The operator REST API (/api/stations with their history, meter values and reported charging profiles, /api/transactions, /api/id-tokens,
 * the station commands and their history), behind bearer API tokens with roles (docs/adr/008-operator-api-auth.md).
 */
@Module({
  imports: [
    ConnectionPersistenceModule,
    StationsModule,
    AuthorizationModule,
    StationCommandsModule.forService('connection'),
    DisplayMessagesModule,
    CustomerInformationModule,
    FirmwareModule,
    SmartChargingModule,
    MonitoringModule,
    DeviceModelModule,
    LocalListsModule,
    CredentialsModule,
    ParkedEventsModule,
  ],
  controllers: [...operatorApiControllers, StationMinimumProfileController, TenantStationsController],
  providers: [
    StationReadRepository,
    StationRegistrationRepository,
    StationsService,
    StationPasswordRotation,
    StationTenantRepository,
    StationTenantAssignment,
    // Tenant scoping of every operator API route, in one place (docs/adr/037-tenant-scoping.md).
    { provide: APP_INTERCEPTOR, useFactory: (tenancy: StationTenantRepository) => operatorApiTenantScope(tenancy, operatorApiControllers), inject: [StationTenantRepository] },
    StationConnectionDrops,
    TransactionReadRepository,
    TransactionsService,
    TransactionExportRepository,
    TransactionExportService,
    IdTokenStoreRepository,
    IdTokensService,
    StationCommandsService,
    CommandHistoryReadRepository,
    CommandHistoryService,
    StationHistoryReadRepository,
    StationHistoryService,
    StationMeterValuesReadRepository,
    StationMeterValuesService,
    ReportedChargingProfilesReadRepository,
    ReportedChargingProfilesService,
    Ocpp201CallSender,
    DisplayMessagesService,
    CustomerInformationService,
    PublishedFirmwareService,
    EvChargingSchedulesService,
    ...monitoringApiProviders,
    ...reservationsApiProviders,
    ...deviceModelApiProviders,
    LocalListsService,
  ],
})
export class ApiModule {}
