import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocation (revocation/): one row per revoked certificate, keyed by its issuing CA (the CA
 * store's id) and its serial (lower-case hex without leading zeroes), with the RFC 5280 reason and
 * the time; and the latest CRL of each CA, so CRL numbers keep increasing across restarts and
 * every replica serves the same CRL until it is stale (a revocation, or nearing nextUpdate).
 */
export class CreateRevocation1764300000005 implements MigrationInterface {
  name = 'CreateRevocation1764300000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pki"."revocation" (
        issuer_id text NOT NULL,
        serial_number text NOT NULL,
        reason text NOT NULL,
        revoked_at timestamptz NOT NULL,
        revoked_by text NOT NULL,
        certificate_not_after timestamptz NOT NULL,
        PRIMARY KEY (issuer_id, serial_number)
      )`);
    await queryRunner.query(`CREATE INDEX revocation_order_idx ON "pki"."revocation" (revoked_at DESC, issuer_id DESC, serial_number DESC)`);
    await queryRunner.query(`
      CREATE TABLE "pki"."crl" (
        issuer_id text PRIMARY KEY,
        crl_number bigint NOT NULL,
        this_update timestamptz NOT NULL,
        next_update timestamptz NOT NULL,
        der bytea NOT NULL,
        stale boolean NOT NULL DEFAULT false
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pki"."crl"`);
    await queryRunner.query(`DROP TABLE "pki"."revocation"`);
  }
}
