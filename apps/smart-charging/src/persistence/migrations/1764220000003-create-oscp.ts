import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OSCP 2.0 (oscp/, docs/adr/017-oscp.md): the Capacity Providers that may send us capacity
 * forecasts, the capacity groups they name mapped onto topology nodes, and the latest normal and
 * fallback forecast per group. Everything the silence logic and the heartbeats need lives here,
 * so that a restart resumes them where they were: when the provider said it goes offline, when it
 * last spoke, which schedule (normal or fallback) is applied, when our next heartbeat is due.
 * The token a provider presents is stored as its SHA-256 only.
 */
export class CreateOscp1764220000003 implements MigrationInterface {
  name = 'CreateOscp1764220000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."oscp_capacity_provider" (
        provider_id text PRIMARY KEY CONSTRAINT oscp_provider_id_format CHECK (provider_id ~ '^[A-Za-z0-9._-]{1,64}$'),
        name text,
        base_url text,
        token_sha256 text NOT NULL CONSTRAINT oscp_provider_token_hash UNIQUE,
        outbound_token text,
        registered boolean NOT NULL DEFAULT false,
        heartbeat_interval_s integer NOT NULL CONSTRAINT oscp_heartbeat_interval CHECK (heartbeat_interval_s BETWEEN 1 AND 86400),
        last_contact_at timestamptz NOT NULL DEFAULT now(),
        last_heartbeat_at timestamptz,
        offline_mode_at timestamptz,
        silent_from timestamptz NOT NULL,
        silent boolean NOT NULL DEFAULT false,
        silent_since timestamptz,
        next_heartbeat_at timestamptz NOT NULL DEFAULT now(),
        last_heartbeat_sent_at timestamptz,
        last_heartbeat_outcome text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."oscp_capacity_group" (
        provider_id text NOT NULL REFERENCES "smart_charging"."oscp_capacity_provider" (provider_id) ON DELETE CASCADE,
        group_id text NOT NULL CONSTRAINT oscp_group_id_length CHECK (length(group_id) BETWEEN 1 AND 255),
        site_id text NOT NULL,
        node_id text NOT NULL,
        PRIMARY KEY (provider_id, group_id),
        FOREIGN KEY (site_id, node_id) REFERENCES "smart_charging"."node" (site_id, node_id) ON DELETE CASCADE
      )`);
    // One provider limits a node through one group: two groups of one provider on one node would
    // both write the node's single oscp:<provider> schedule.
    await queryRunner.query(`CREATE UNIQUE INDEX oscp_group_node ON "smart_charging"."oscp_capacity_group" (provider_id, site_id, node_id)`);
    await queryRunner.query(`
      CREATE TABLE "smart_charging"."oscp_forecast" (
        provider_id text NOT NULL,
        group_id text NOT NULL,
        kind text NOT NULL CONSTRAINT oscp_forecast_kind CHECK (kind IN ('normal', 'fallback')),
        forecast_type text NOT NULL,
        blocks jsonb NOT NULL CONSTRAINT oscp_forecast_blocks CHECK (jsonb_typeof(blocks) = 'array'),
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider_id, group_id, kind),
        FOREIGN KEY (provider_id, group_id) REFERENCES "smart_charging"."oscp_capacity_group" (provider_id, group_id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "smart_charging"."oscp_forecast"`);
    await queryRunner.query(`DROP TABLE "smart_charging"."oscp_capacity_group"`);
    await queryRunner.query(`DROP TABLE "smart_charging"."oscp_capacity_provider"`);
  }
}
