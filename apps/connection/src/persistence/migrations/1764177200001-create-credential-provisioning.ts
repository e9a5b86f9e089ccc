import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The password the CSMS gives a station an operator accepts (ADR 039): one row per station, its
 * state (waiting for the station, being delivered, failed and when it is tried again, provisioned)
 * and the last attempt's outcome, shown on the station resource. The partial index serves the
 * sweep of every replica, which looks only at rows that are due and not provisioned.
 */
export class CreateCredentialProvisioning1764177200001 implements MigrationInterface {
  name = 'CreateCredentialProvisioning1764177200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."credential_provisioning" (
        station_id text PRIMARY KEY REFERENCES "connection"."station" (id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('waiting', 'delivering', 'failed', 'provisioned')),
        attempts integer NOT NULL DEFAULT 0,
        last_outcome text,
        last_detail text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        provisioned_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX credential_provisioning_due_idx ON "connection"."credential_provisioning" (next_attempt_at) WHERE state <> 'provisioned'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."credential_provisioning"`);
  }
}
