import type { ServiceSchema } from '@app/persistence';
import { StationEntity } from '../stations/station.entity';
import { CreateInbox1764110000000 } from './migrations/1764110000000-create-inbox';
import { CreateStation1764120000000 } from './migrations/1764120000000-create-station';
import { ExtendStationRegistry1764130000001 } from './migrations/1764130000001-extend-station-registry';
import { CreateConnector1764130000002 } from './migrations/1764130000002-create-connector';
import { CreateIdToken1764130000003 } from './migrations/1764130000003-create-id-token';
import { CreateTransaction1764130000004 } from './migrations/1764130000004-create-transaction';
import { CreateMeterSample1764130000005 } from './migrations/1764130000005-create-meter-sample';
import { AddTransactionApiIndexes1764140000001 } from './migrations/1764140000001-transaction-api-indexes';
import { EndedTransactionChargingState1764150000001 } from './migrations/1764150000001-ended-transaction-charging-state';
import { AddTransactionExportIndex1764150000002 } from './migrations/1764150000002-transaction-export-index';
import { CreateCommandLog1764151000001 } from './migrations/1764151000001-create-command-log';
import { CreateStationHistory1764151000002 } from './migrations/1764151000002-create-station-history';
import { LighterMeterSample1764160000001 } from './migrations/1764160000001-lighter-meter-sample';
import { CreateDeviceModel1764170000001 } from './migrations/1764170000001-create-device-model';
import { CreateMonitoring1764171000001 } from './migrations/1764171000001-create-monitoring';
import { CreateReservation1764172000001 } from './migrations/1764172000001-create-reservation';
import { CreateLocalList1764173000001 } from './migrations/1764173000001-create-local-list';
import { CreateDisplayMessage1764174000001 } from './migrations/1764174000001-create-display-message';
import { CreateCustomerInformation1764174000002 } from './migrations/1764174000002-create-customer-information';
import { CreatePublishedFirmware1764174000003 } from './migrations/1764174000003-create-published-firmware';
import { CreateEvChargingSchedule1764174000004 } from './migrations/1764174000004-create-ev-charging-schedule';
import { CreateStationNotificationHistory1764175000001 } from './migrations/1764175000001-create-station-notification-history';
import { CreateReportedChargingProfile1764175000002 } from './migrations/1764175000002-create-reported-charging-profile';
import { IndexClearedStationAlerts1764176000001 } from './migrations/1764176000001-index-cleared-station-alerts';
import { StationTenant1764177000001 } from './migrations/1764177000001-station-tenant';
import { CreateMutationAudit1764177100001 } from './migrations/1764177100001-create-mutation-audit';
import { CreateCredentialProvisioning1764177200001 } from './migrations/1764177200001-create-credential-provisioning';
import { CreateParkedEvent1764177400001 } from './migrations/1764177400001-create-parked-event';
import { RetentionIndexes1764300000100 } from './migrations/1764300000100-retention-indexes';

export const CONNECTION_SCHEMA = 'connection';

export const connectionSchema: ServiceSchema = {
  schema: CONNECTION_SCHEMA,
  entities: [StationEntity],
  migrations: [
    CreateInbox1764110000000,
    CreateStation1764120000000,
    ExtendStationRegistry1764130000001,
    CreateConnector1764130000002,
    CreateIdToken1764130000003,
    CreateTransaction1764130000004,
    CreateMeterSample1764130000005,
    AddTransactionApiIndexes1764140000001,
    EndedTransactionChargingState1764150000001,
    AddTransactionExportIndex1764150000002,
    CreateCommandLog1764151000001,
    CreateStationHistory1764151000002,
    LighterMeterSample1764160000001,
    CreateDeviceModel1764170000001,
    CreateMonitoring1764171000001,
    CreateReservation1764172000001,
    CreateLocalList1764173000001,
    CreateDisplayMessage1764174000001,
    CreateCustomerInformation1764174000002,
    CreatePublishedFirmware1764174000003,
    CreateEvChargingSchedule1764174000004,
    CreateStationNotificationHistory1764175000001,
    CreateReportedChargingProfile1764175000002,
    IndexClearedStationAlerts1764176000001,
    StationTenant1764177000001,
    CreateMutationAudit1764177100001,
    CreateCredentialProvisioning1764177200001,
    CreateParkedEvent1764177400001,
    RetentionIndexes1764300000100,
  ],
};
