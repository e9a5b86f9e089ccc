import { createIndexConcurrently, dropIndexConcurrently } from '@app/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES: readonly [name: string, definition: string][] = [
  // The two busiest inserts: a btree on a timestamp that only grows appends at its right edge.
  ['meter_sample_received_idx', `"connection"."meter_sample" (received_at)`],
  ['transaction_event_received_idx', `"connection"."transaction_event" (received_at)`],
  ['device_model_report_updated_idx', `"connection"."device_model_report" (updated_at)`],
  ['device_model_report_part_received_idx', `"connection"."device_model_report_part" (received_at)`],
  ['monitoring_report_job_requested_idx', `"connection"."monitoring_report_job" (requested_at)`],
  ['monitoring_report_part_received_idx', `"connection"."monitoring_report_part" (received_at)`],
];

/**
 * The retention job (ADR 044) deletes each table's oldest rows a batch at a time by the server
 * timestamp these index, so that a batch is an index range scan, never a scan of the table.
 * Built concurrently: these tables can be large on a running system.
 */
export class RetentionIndexes1764300000100 implements MigrationInterface {
  name = 'RetentionIndexes1764300000100';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, definition] of INDEXES) await createIndexConcurrently(queryRunner, 'connection', name, definition);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await dropIndexConcurrently(queryRunner, 'connection', name);
  }
}
