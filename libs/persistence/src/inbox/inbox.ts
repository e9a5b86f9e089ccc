import type { EntityManager } from 'typeorm';

export const INBOX_TABLE = 'processed_event';

/**
 * Records that `consumer` handled `eventId`; false when it already had. Run it
 * in the transaction that applies the event, so that a redelivered event
 * (at-least-once) changes nothing the second time.
 */
export async function recordFirstDelivery(manager: EntityManager, schema: string, eventId: string, consumer: string): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO "${schema}"."${INBOX_TABLE}" (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
    [eventId, consumer],
  );
  return inserted.length === 1;
}

export async function findDelivery(manager: EntityManager, schema: string, eventId: string): Promise<{ consumer: string; processedAt: Date }[]> {
  const rows: { consumer: string; processed_at: Date }[] = await manager.query(
    `SELECT consumer, processed_at FROM "${schema}"."${INBOX_TABLE}" WHERE event_id = $1 ORDER BY processed_at`,
    [eventId],
  );
  return rows.map((row) => ({ consumer: row.consumer, processedAt: new Date(row.processed_at) }));
}
