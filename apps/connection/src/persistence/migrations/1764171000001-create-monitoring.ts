import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 2.0.1 monitoring and station alerts (monitoring/, docs/adr/027-monitoring-and-alerts.md):
 * - `station_monitor`: every variable monitor a station has, from NotifyMonitoringReport and the
 *   answers to SetVariableMonitoring / ClearVariableMonitoring; keyed by the station's monitor id.
 * - `monitoring_report_job` and `monitoring_report_part`: a GetMonitoringReport the CSMS asked for,
 *   and the NotifyMonitoringReport parts received for it until the last one (tbc false) arrives.
 * - `station_alert`: faults and monitoring events per station, raised and cleared; at most one
 *   active alert per station and key (a partial unique index, small: only active rows).
 * No foreign key to the station: like the history, alerts outlive a registration.
 */
export class CreateMonitoring1764171000001 implements MigrationInterface {
  name = 'CreateMonitoring1764171000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."station_monitor" (
        station_id text NOT NULL,
        monitor_id integer NOT NULL,
        component_name text NOT NULL,
        component_instance text,
        evse_id integer,
        connector_id integer,
        variable_name text NOT NULL,
        variable_instance text,
        type text NOT NULL,
        value double precision NOT NULL,
        severity smallint NOT NULL CHECK (severity BETWEEN 0 AND 9),
        transaction boolean NOT NULL,
        source text NOT NULL CHECK (source IN ('report', 'set')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, monitor_id)
      )`);
    await queryRunner.query(`CREATE SEQUENCE "connection"."monitoring_report_request_seq" AS integer MINVALUE 1 CYCLE`);
    await queryRunner.query(`
      CREATE TABLE "connection"."monitoring_report_job" (
        station_id text NOT NULL,
        request_id integer NOT NULL,
        full_report boolean NOT NULL,
        request jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'accepted', 'rejected', 'failed', 'complete')),
        station_status text,
        parts integer NOT NULL DEFAULT 0,
        monitors integer NOT NULL DEFAULT 0,
        error text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (station_id, request_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE "connection"."monitoring_report_part" (
        station_id text NOT NULL,
        request_id integer NOT NULL,
        seq_no integer NOT NULL,
        tbc boolean NOT NULL,
        monitors jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, request_id, seq_no)
      )`);
    await queryRunner.query(`
      CREATE TABLE "connection"."station_alert" (
        id bigserial PRIMARY KEY,
        station_id text NOT NULL,
        alert_key text NOT NULL,
        source text NOT NULL CHECK (source IN ('event', 'connector')),
        severity smallint NOT NULL CHECK (severity BETWEEN 0 AND 9),
        component text,
        variable text,
        monitor_id integer,
        evse_id integer,
        connector_id integer,
        event_id integer,
        trigger text,
        event_type text,
        actual_value text,
        tech_code text,
        tech_info text,
        error_code text,
        vendor_error_code text,
        info text,
        raised_at timestamptz NOT NULL,
        last_reported_at timestamptz NOT NULL,
        cleared_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX station_alert_active_key ON "connection"."station_alert" (station_id, alert_key) WHERE cleared_at IS NULL`);
    await queryRunner.query(`CREATE INDEX station_alert_station_idx ON "connection"."station_alert" (station_id, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['station_alert', 'monitoring_report_part', 'monitoring_report_job', 'station_monitor']) {
      await queryRunner.query(`DROP TABLE "connection"."${table}"`);
    }
    await queryRunner.query(`DROP SEQUENCE "connection"."monitoring_report_request_seq"`);
  }
}
