import type { DataSource, EntityManager } from 'typeorm';
import { recordFirstDelivery } from './inbox';

/**
 * Applies an event at most once per consumer: the inbox row and the handler's
 * writes commit together, so a redelivery after a crash is skipped.
 * Returns false when the event had already been applied.
 */
export async function handleOnce(
  dataSource: DataSource,
  schema: string,
  consumer: string,
  eventId: string,
  apply: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    if (!(await recordFirstDelivery(manager, schema, eventId, consumer))) return false;
    await apply(manager);
    return true;
  });
}
