import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each station's local authorization list as the CSMS last saw the station accept it (version,
 * entries), and how its last synchronisation ended (local-lists/, ADR 029). `lease_until` keeps
 * two replicas from updating one station's list at once.
 */
export class CreateLocalList1764173000001 implements MigrationInterface {
  name = 'CreateLocalList1764173000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."local_list" (
        station_id text PRIMARY KEY,
        ocpp_version text CHECK (ocpp_version IN ('1.6', '2.0.1')),
        version integer,
        entries jsonb NOT NULL DEFAULT '[]'::jsonb,
        entry_count integer NOT NULL DEFAULT 0,
        digest text,
        outcome text CHECK (outcome IN ('in-sync', 'failed', 'not-supported')),
        last_error text,
        attempted_at timestamptz,
        synced_at timestamptz,
        lease_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."local_list"`);
  }
}
