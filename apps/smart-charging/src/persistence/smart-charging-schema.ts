import type { ServiceSchema } from '@app/persistence';
import { CreateInbox1764110000000 } from './migrations/1764110000000-create-inbox';
import { CreateTopology1764200000000 } from './migrations/1764200000000-create-topology';
import { CreateLimitSchedule1764200000001 } from './migrations/1764200000001-create-limit-schedule';
import { CreateAuditLog1764200000002 } from './migrations/1764200000002-create-audit-log';
import { CreateStationChargingState1764210000001 } from './migrations/1764210000001-create-station-charging-state';
import { CreateDispatchedProfile1764210000002 } from './migrations/1764210000002-create-dispatched-profile';
import { WidenLimitSources1764220000001 } from './migrations/1764220000001-widen-limit-sources';
import { CreateDrawDeviation1764220000002 } from './migrations/1764220000002-create-draw-deviation';
import { CreateOscp1764220000003 } from './migrations/1764220000003-create-oscp';
import { SiteTenant1764221000001 } from './migrations/1764221000001-site-tenant';
import { CreateMutationAudit1764221100001 } from './migrations/1764221100001-create-mutation-audit';
import { RetentionIndexes1764300000110 } from './migrations/1764300000110-retention-indexes';
import { CreateDrawHistory1764400000200 } from './migrations/1764400000200-create-draw-history';

export const SMART_CHARGING_SCHEMA = 'smart_charging';

export const smartChargingSchema: ServiceSchema = {
  schema: SMART_CHARGING_SCHEMA,
  entities: [],
  migrations: [
    CreateInbox1764110000000,
    CreateTopology1764200000000,
    CreateLimitSchedule1764200000001,
    CreateAuditLog1764200000002,
    CreateStationChargingState1764210000001,
    CreateDispatchedProfile1764210000002,
    WidenLimitSources1764220000001,
    CreateDrawDeviation1764220000002,
    CreateOscp1764220000003,
    SiteTenant1764221000001,
    CreateMutationAudit1764221100001,
    RetentionIndexes1764300000110,
    CreateDrawHistory1764400000200,
  ],
};
