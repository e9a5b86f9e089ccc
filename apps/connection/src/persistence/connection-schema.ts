import type { ServiceSchema } from '@app/persistence';
import { CreateInbox1764110000000 } from './migrations/1764110000000-create-inbox';

export const CONNECTION_SCHEMA = 'connection';

export const connectionSchema: ServiceSchema = {
  schema: CONNECTION_SCHEMA,
  entities: [],
  migrations: [CreateInbox1764110000000],
};
