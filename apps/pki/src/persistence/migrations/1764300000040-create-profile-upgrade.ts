import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security-profile upgrades of stations (jobs/profile-upgrade/): one row per job with the step it
 * is at, every step done so far with the station's answer (`steps`), what a rollback restores
 * (`previous_priority`, `from_profile`) and until when the station may take to come back
 * (`deadline`). The partial unique index keeps at most one job running per station.
 */
export class CreateProfileUpgrade1764300000040 implements MigrationInterface {
  name = 'CreateProfileUpgrade1764300000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pki"."profile_upgrade" (
        id uuid PRIMARY KEY,
        station_id text NOT NULL,
        protocol text NOT NULL,
        from_profile integer NOT NULL,
        to_profile integer NOT NULL,
        csms_url text NOT NULL,
        status text NOT NULL,
        step text NOT NULL,
        steps jsonb NOT NULL DEFAULT '[]',
        previous_priority text,
        network_slot integer,
        deadline timestamptz,
        reason text,
        requested_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX profile_upgrade_running_idx ON "pki"."profile_upgrade" (station_id) WHERE status = 'running'`);
    await queryRunner.query(`CREATE INDEX profile_upgrade_order_idx ON "pki"."profile_upgrade" (created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pki"."profile_upgrade"`);
  }
}
