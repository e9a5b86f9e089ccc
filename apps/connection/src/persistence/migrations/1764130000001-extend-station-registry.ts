import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a station tells about itself at boot, its registration status and when it was last heard of. */
export class ExtendStationRegistry1764130000001 implements MigrationInterface {
  name = 'ExtendStationRegistry1764130000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "connection"."station"
        ADD COLUMN vendor text,
        ADD COLUMN model text,
        ADD COLUMN firmware_version text,
        ADD COLUMN registration_status text NOT NULL DEFAULT 'accepted'
          CONSTRAINT station_registration_status_check CHECK (registration_status IN ('accepted', 'pending', 'rejected')),
        ADD COLUMN last_boot_at timestamptz,
        ADD COLUMN last_seen_at timestamptz`);
    await queryRunner.query(`CREATE INDEX station_pending_idx ON "connection"."station" (created_at) WHERE registration_status = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "connection"."station_pending_idx"`);
    await queryRunner.query(`
      ALTER TABLE "connection"."station"
        DROP COLUMN vendor, DROP COLUMN model, DROP COLUMN firmware_version,
        DROP COLUMN registration_status, DROP COLUMN last_boot_at, DROP COLUMN last_seen_at`);
  }
}
