import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewal of station certificates (jobs/renewal/): one row per attempt to have a station renew
 * the certificate named by `expiring_serial`, with the station's answer and what came of it. The
 * partial unique index keeps at most one attempt in flight per station, across restarts and
 * replicas; `retry_at` says when a failed one may be tried again.
 */
export class CreateRenewal1764300000030 implements MigrationInterface {
  name = 'CreateRenewal1764300000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pki"."renewal_attempt" (
        id uuid PRIMARY KEY,
        station_id text NOT NULL,
        certificate_type text NOT NULL,
        expiring_serial text NOT NULL,
        expires_at timestamptz NOT NULL,
        attempt integer NOT NULL,
        status text NOT NULL,
        reason text,
        renewed_serial text,
        retry_at timestamptz,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (expiring_serial, attempt)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX renewal_attempt_in_flight_idx ON "pki"."renewal_attempt" (station_id) WHERE status IN ('triggering', 'awaitingCertificate')`);
    await queryRunner.query(`CREATE INDEX renewal_attempt_order_idx ON "pki"."renewal_attempt" (started_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX renewal_attempt_station_idx ON "pki"."renewal_attempt" (station_id, started_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pki"."renewal_attempt"`);
  }
}
