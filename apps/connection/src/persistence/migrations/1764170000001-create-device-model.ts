import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A station's device model (device-model/): one row per attribute of a variable of a component,
 * keyed by the variable's neutral name (`Component[.instance][@evse[.connector]]/Variable[.instance]`,
 * see commands/mapping/variable-name.ts) and the attribute type, with the variable's
 * characteristics repeated on each of its attribute rows (a variable has one to four). 1.6
 * configuration keys live here too, under the fixed component `OCPP16Configuration`.
 * Reports (GetBaseReport / GetReport / 1.6 GetConfiguration) are jobs per request id; the parts
 * of a NotifyReport are kept until the last one arrives, then folded into the model and deleted.
 */
export class CreateDeviceModel1764170000001 implements MigrationInterface {
  name = 'CreateDeviceModel1764170000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "connection"."device_model_attribute" (
        station_id text NOT NULL,
        variable_key text NOT NULL,
        attribute_type text NOT NULL CHECK (attribute_type IN ('Actual', 'Target', 'MinSet', 'MaxSet')),
        component_name text NOT NULL,
        component_instance text,
        evse_id integer,
        connector_id integer,
        variable_name text NOT NULL,
        variable_instance text,
        value text,
        value_redacted boolean NOT NULL DEFAULT false,
        mutability text,
        persistent boolean,
        constant boolean,
        unit text,
        data_type text,
        min_limit double precision,
        max_limit double precision,
        values_list text,
        supports_monitoring boolean,
        reboot_required boolean NOT NULL DEFAULT false,
        last_set_status text,
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, variable_key, attribute_type)
      )`);
    await queryRunner.query(`CREATE SEQUENCE "connection"."device_model_request_id" AS integer START 1 CYCLE`);
    await queryRunner.query(`
      CREATE TABLE "connection"."device_model_report" (
        station_id text NOT NULL,
        request_id integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('base', 'criteria', 'configuration', 'unsolicited')),
        report_base text,
        criteria jsonb,
        status text NOT NULL,
        station_status text,
        error text,
        actor text,
        parts_received integer NOT NULL DEFAULT 0,
        variables_stored integer,
        requested_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (station_id, request_id)
      )`);
    await queryRunner.query(`CREATE INDEX device_model_report_open_idx ON "connection"."device_model_report" (updated_at) WHERE status IN ('requested', 'accepted', 'receiving')`);
    await queryRunner.query(`
      CREATE TABLE "connection"."device_model_report_part" (
        station_id text NOT NULL,
        request_id integer NOT NULL,
        seq_no integer NOT NULL,
        tbc boolean NOT NULL,
        generated_at timestamptz NOT NULL,
        report jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (station_id, request_id, seq_no)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "connection"."device_model_report_part"`);
    await queryRunner.query(`DROP TABLE "connection"."device_model_report"`);
    await queryRunner.query(`DROP SEQUENCE "connection"."device_model_request_id"`);
    await queryRunner.query(`DROP TABLE "connection"."device_model_attribute"`);
  }
}
