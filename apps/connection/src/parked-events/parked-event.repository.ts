import type { ParkedEvent } from '@app/messaging';
import { InjectDataSource, execute, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';

const PARKED_EVENT = `"${CONNECTION_SCHEMA}"."parked_event"`;

export interface ParkedEventRow {
  /** bigserial, as text: the public id and the paging key. */
  id: string;
  parking_partition: number;
  parking_offset: string;
  consumer_group: string;
  original_topic: string;
  original_partition: number;
  original_offset: string;
  record_key: string;
  headers: Record<string, string>;
  payload: Buffer;
  error_class: string;
  error_message: string;
  attempts: number;
  parked_at: Date;
  replay_count: number;
  last_replayed_at: Date | null;
}

export interface ParkedEventFilter {
  group?: string;
  /** Keyset: the id of the last row of the previous page (oldest first). */
  after?: string;
  limit: number;
}

const COLUMNS = `id::text AS id, parking_partition, parking_offset::text AS parking_offset, consumer_group, original_topic, original_partition,
  original_offset::text AS original_offset, record_key, headers, payload, error_class, error_message, attempts, parked_at, replay_count, last_replayed_at`;

/** The connection schema's index of ocpp.parked. */
@Injectable()
export class ParkedEventRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** Adds a parked record once: the same place on ocpp.parked read again changes nothing. */
  async add(parked: ParkedEvent): Promise<void> {
    const [partition, offset] = parked.parkingId.split('/');
    await execute(
      this.dataSource,
      `INSERT INTO ${PARKED_EVENT} (parking_partition, parking_offset, consumer_group, original_topic, original_partition, original_offset, record_key,
         headers, payload, error_class, error_message, attempts, parked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (parking_partition, parking_offset) DO NOTHING`,
      [
        Number(partition),
        offset,
        parked.groupId,
        parked.originalTopic,
        parked.originalPartition,
        parked.originalOffset,
        parked.key,
        JSON.stringify(parked.headers),
        Buffer.from(parked.value.buffer, parked.value.byteOffset, parked.value.byteLength),
        parked.errorClass,
        parked.errorMessage,
        parked.attempts,
        parked.parkedAt,
      ],
    );
  }

  async list(filter: ParkedEventFilter): Promise<ParkedEventRow[]> {
    const conditions: string[] = [];
    const { values, bind } = sqlParameters();
    if (filter.group !== undefined) conditions.push(`consumer_group = ${bind(filter.group)}`);
    if (filter.after !== undefined) conditions.push(`id > ${bind(filter.after)}::bigint`);
    return queryRows<ParkedEventRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${PARKED_EVENT} ${whereClause(conditions)} ORDER BY id LIMIT ${bind(filter.limit)}`, values);
  }

  async find(id: string): Promise<ParkedEventRow | undefined> {
    const [row] = await queryRows<ParkedEventRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${PARKED_EVENT} WHERE id = $1::bigint`, [id]);
    return row;
  }

  /** A group's records that were never replayed, oldest first. */
  async notReplayed(group: string, limit: number): Promise<ParkedEventRow[]> {
    return queryRows<ParkedEventRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${PARKED_EVENT} WHERE consumer_group = $1 AND replay_count = 0 ORDER BY id LIMIT $2`, [group, limit]);
  }

  async markReplayed(id: string, at: Date): Promise<ParkedEventRow | undefined> {
    const [row] = await queryRows<ParkedEventRow>(
      this.dataSource,
      `UPDATE ${PARKED_EVENT} SET replay_count = replay_count + 1, last_replayed_at = $2 WHERE id = $1::bigint RETURNING ${COLUMNS}`,
      [id, at],
    );
    return row;
  }
}
