import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signing flow (authorities/, signing/, inventory/): the CAs (certificate, role and where
 * their key is: a file path or a PKCS#11 label, never the key), the CSRs stations sent with their
 * decision, and the certificates issued for them with their OCPP hash data. At most one issuing CA
 * per role is active: the one that signs station CSRs.
 */
export class CreateSigning1764300000002 implements MigrationInterface {
  name = 'CreateSigning1764300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pki"."certificate_authority" (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('root', 'stationSubCa', 'v2gRoot', 'v2gSubCa')),
        parent_id text REFERENCES "pki"."certificate_authority" (id),
        certificate_pem text NOT NULL,
        subject text NOT NULL,
        serial_number text NOT NULL,
        not_before timestamptz NOT NULL,
        not_after timestamptz NOT NULL,
        key_algorithm text NOT NULL,
        key_kind text NOT NULL CHECK (key_kind IN ('file', 'pkcs11')),
        key_reference text NOT NULL,
        crl_url text,
        ocsp_url text,
        active boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX certificate_authority_active_idx ON "pki"."certificate_authority" (role) WHERE active`);
    await queryRunner.query(`
      CREATE TABLE "pki"."certificate_signing_request" (
        id text PRIMARY KEY,
        station_id text NOT NULL,
        csr_fingerprint text NOT NULL,
        certificate_type text NOT NULL,
        csr_pem text NOT NULL,
        station_serial_number text,
        status text NOT NULL CHECK (status IN ('pending', 'issued', 'refused', 'timedOut')),
        refusal_code text,
        reason text,
        certificate_serial text,
        delivery text CHECK (delivery IN ('sent', 'accepted', 'rejected', 'failed')),
        received_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (station_id, csr_fingerprint, certificate_type)
      )`);
    await queryRunner.query(`CREATE INDEX certificate_signing_request_order_idx ON "pki"."certificate_signing_request" (received_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX certificate_signing_request_pending_idx ON "pki"."certificate_signing_request" (received_at) WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE TABLE "pki"."issued_certificate" (
        serial_number text PRIMARY KEY,
        issuer_ca_id text NOT NULL REFERENCES "pki"."certificate_authority" (id),
        station_id text NOT NULL,
        certificate_type text NOT NULL,
        subject text NOT NULL,
        not_before timestamptz NOT NULL,
        not_after timestamptz NOT NULL,
        csr_fingerprint text NOT NULL,
        certificate_pem text NOT NULL,
        chain_pem text NOT NULL,
        hash_algorithm text NOT NULL,
        issuer_name_hash text NOT NULL,
        issuer_key_hash text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (station_id, csr_fingerprint, certificate_type)
      )`);
    await queryRunner.query(`CREATE INDEX issued_certificate_station_idx ON "pki"."issued_certificate" (station_id, issued_at DESC)`);
    await queryRunner.query(`CREATE INDEX issued_certificate_expiry_idx ON "pki"."issued_certificate" (not_after)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pki"."issued_certificate"`);
    await queryRunner.query(`DROP TABLE "pki"."certificate_signing_request"`);
    await queryRunner.query(`DROP TABLE "pki"."certificate_authority"`);
  }
}
