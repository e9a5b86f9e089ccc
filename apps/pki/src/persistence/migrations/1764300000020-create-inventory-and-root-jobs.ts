import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The installed-certificate inventory (inventory/) and root distribution jobs
 * (jobs/root-distribution/):
 * - `station_security`: every station seen connecting, with the OCPP version and security profile
 *   of its latest connection, the lowest profile its registration allowed then, and when its
 *   installed certificates were last read;
 * - `installed_certificate`: what GetInstalledCertificateIds last reported per station, keyed by
 *   the hash data exactly as the station reported them (DeleteCertificate must name them so),
 *   with subject / notAfter / CA id when the certificate is one we know;
 * - `root_job` and `root_job_station`: a batch job and its per-station steps, so a job resumes
 *   after a restart from the steps still pending; `runner` / `lease_until` let one PKI replica at
 *   a time drive a job, and another take over when the lease runs out.
 */
export class CreateInventoryAndRootJobs1764300000020 implements MigrationInterface {
  name = 'CreateInventoryAndRootJobs1764300000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "pki"."station_security" (
        station_id text PRIMARY KEY,
        protocol text NOT NULL,
        security_profile integer NOT NULL,
        minimum_security_profile integer,
        connected_at timestamptz NOT NULL,
        inventory_read_at timestamptz,
        inventory_error text
      )`);
    await queryRunner.query(`
      CREATE TABLE "pki"."installed_certificate" (
        station_id text NOT NULL,
        certificate_type text NOT NULL,
        hash_algorithm text NOT NULL,
        issuer_name_hash text NOT NULL,
        issuer_key_hash text NOT NULL,
        serial_number text NOT NULL,
        parent_serial_number text,
        subject text,
        not_after timestamptz,
        ca_id text,
        reported_at timestamptz NOT NULL,
        PRIMARY KEY (station_id, certificate_type, hash_algorithm, issuer_name_hash, issuer_key_hash, serial_number)
      )`);
    await queryRunner.query(`CREATE INDEX installed_certificate_not_after_idx ON "pki"."installed_certificate" (not_after)`);
    await queryRunner.query(`CREATE INDEX installed_certificate_ca_idx ON "pki"."installed_certificate" (ca_id)`);
    await queryRunner.query(`
      CREATE TABLE "pki"."root_job" (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        certificate_type text NOT NULL,
        certificate_pem text,
        subject text,
        not_after timestamptz,
        hash_data jsonb,
        old_hash_data jsonb,
        status text NOT NULL,
        phase text NOT NULL,
        concurrency integer NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        runner text,
        lease_until timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX root_job_running_idx ON "pki"."root_job" (status) WHERE status = 'running'`);
    await queryRunner.query(`CREATE INDEX root_job_order_idx ON "pki"."root_job" (created_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE "pki"."root_job_station" (
        job_id uuid NOT NULL REFERENCES "pki"."root_job" (id) ON DELETE CASCADE,
        station_id text NOT NULL,
        install_outcome text,
        install_answer jsonb,
        install_at timestamptz,
        confirmed_at timestamptz,
        delete_outcome text,
        delete_answer jsonb,
        delete_at timestamptz,
        PRIMARY KEY (job_id, station_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pki"."root_job_station"`);
    await queryRunner.query(`DROP TABLE "pki"."root_job"`);
    await queryRunner.query(`DROP TABLE "pki"."installed_certificate"`);
    await queryRunner.query(`DROP TABLE "pki"."station_security"`);
  }
}
