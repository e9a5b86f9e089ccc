import type { ServiceSchema } from '@app/persistence';
import { StationEntity } from '../stations/station.entity';
import { CreateInbox1764110000000 } from './migrations/1764110000000-create-inbox';
import { CreateStation1764120000000 } from './migrations/1764120000000-create-station';

export const CONNECTION_SCHEMA = 'connection';

export const connectionSchema: ServiceSchema = {
  schema: CONNECTION_SCHEMA,
  entities: [StationEntity],
  migrations: [CreateInbox1764110000000, CreateStation1764120000000],
};
