import type { ServiceSchema } from '@app/persistence';
import { CreateInbox1764110000000 } from './migrations/1764110000000-create-inbox';

export const SMART_CHARGING_SCHEMA = 'smart_charging';

export const smartChargingSchema: ServiceSchema = {
  schema: SMART_CHARGING_SCHEMA,
  entities: [],
  migrations: [CreateInbox1764110000000],
};
