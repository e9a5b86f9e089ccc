import { InjectDataSource, type SqlExecutor, execute, pgText, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { AttributeKey } from './device-model.diff';
import type { AttributeType, Characteristics, ObservationSource, ObservedValue, RefusedSet, ReportedVariable, VariableAddress } from './device-model.types';
import { lastPerAttribute } from './last-per-attribute';
import { isSecretVariable } from './secret-variable';
import { variableKeyOf } from './variable-key';

export const DEVICE_MODEL_TABLE = `"${CONNECTION_SCHEMA}"."device_model_attribute"`;

interface AttributeRow extends VariableAddress {
  type: AttributeType;
  value: string | undefined;
  mutability?: string;
  persistent?: boolean;
  constant?: boolean;
  characteristics?: Characteristics;
}

const ADDRESS_COLUMNS = 'variable_key, attribute_type, component_name, component_instance, evse_id, connector_id, variable_name, variable_instance';

/** One array parameter per address column, in ADDRESS_COLUMNS order, then the value and whether it was withheld. */
function addressArrays(rows: readonly (VariableAddress & { type: AttributeType; value?: string })[]): unknown[] {
  const secret = rows.map((row) => isSecretVariable(row.variable.name));
  return [
    rows.map((row) => variableKeyOf(row)),
    rows.map((row) => row.type),
    rows.map((row) => pgText(row.component.name)),
    rows.map((row) => pgText(row.component.instance)),
    rows.map((row) => row.component.evseId ?? null),
    rows.map((row) => row.component.connectorId ?? null),
    rows.map((row) => pgText(row.variable.name)),
    rows.map((row) => pgText(row.variable.instance)),
    rows.map((row, index) => (secret[index] ? null : pgText(row.value))),
    secret,
  ];
}

const UNNEST_ADDRESS = `unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::text[], $10::text[], $11::boolean[])`;
const ADDRESS_ALIAS = `(variable_key, attribute_type, component_name, component_instance, evse_id, connector_id, variable_name, variable_instance, value, value_redacted, position)`;
const ADDRESS_SELECT = `row.variable_key, row.attribute_type, row.component_name, row.component_instance, row.evse_id, row.connector_id, row.variable_name,
  row.variable_instance, row.value, row.value_redacted`;

/**
 * The device model store: one row per attribute (see the migration). Every method takes the
 * executor it runs on, so a report's last part is folded in the transaction that stores it.
 */
@Injectable()
export class DeviceModelRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) readonly dataSource: DataSource) {}

  async storedKeys(executor: SqlExecutor, stationId: string, componentName?: string): Promise<AttributeKey[]> {
    const rows = await queryRows<{ variable_key: string; attribute_type: AttributeType }>(
      executor,
      `SELECT variable_key, attribute_type FROM ${DEVICE_MODEL_TABLE} WHERE station_id = $1 AND ($2::text IS NULL OR component_name = $2)`,
      [stationId, componentName ?? null],
    );
    return rows.map((row) => ({ variableKey: row.variable_key, attributeType: row.attribute_type }));
  }

  async removeRows(executor: SqlExecutor, stationId: string, keys: readonly AttributeKey[]): Promise<void> {
    if (keys.length === 0) return;
    await execute(
      executor,
      `DELETE FROM ${DEVICE_MODEL_TABLE} AS stored USING unnest($2::text[], $3::text[]) AS gone (variable_key, attribute_type)
        WHERE stored.station_id = $1 AND stored.variable_key = gone.variable_key AND stored.attribute_type = gone.attribute_type`,
      [stationId, keys.map((key) => key.variableKey), keys.map((key) => key.attributeType)],
    );
  }

  /** Every attribute of the variables named, whatever its type. */
  async removeVariables(executor: SqlExecutor, stationId: string, addresses: readonly VariableAddress[]): Promise<void> {
    if (addresses.length === 0) return;
    await execute(executor, `DELETE FROM ${DEVICE_MODEL_TABLE} WHERE station_id = $1 AND variable_key = ANY($2::text[])`, [stationId, addresses.map(variableKeyOf)]);
  }

  /**
   * Writes reported variables over what is stored: attributes and characteristics as reported.
   * With `reportStartedAt`, a value learned since (a set, get or event while the report was on its
   * way) is newer than the report's and stays.
   */
  async writeVariables(executor: SqlExecutor, stationId: string, variables: readonly ReportedVariable[], source: ObservationSource, reportStartedAt?: Date): Promise<void> {
    const rows: AttributeRow[] = lastPerAttribute(
      variables.flatMap((variable) => variable.attributes.map((attribute) => ({ ...variable, ...attribute, value: attribute.value, characteristics: variable.characteristics }))),
    );
    if (rows.length === 0) return;
    await execute(
      executor,
      `INSERT INTO ${DEVICE_MODEL_TABLE} AS stored (station_id, ${ADDRESS_COLUMNS}, value, value_redacted, mutability, persistent, constant, unit, data_type,
                  min_limit, max_limit, values_list, supports_monitoring, reboot_required, last_set_status, source, updated_at)
       SELECT $1, ${ADDRESS_SELECT}, mutability, persistent, constant, unit, data_type, min_limit, max_limit, values_list, supports_monitoring, false, NULL, $22, now()
         FROM ${UNNEST_ADDRESS} WITH ORDINALITY AS row ${ADDRESS_ALIAS}
         JOIN unnest($12::text[], $13::boolean[], $14::boolean[], $15::text[], $16::text[], $17::float8[], $18::float8[], $19::text[], $20::boolean[], $21::int[])
           AS extra (mutability, persistent, constant, unit, data_type, min_limit, max_limit, values_list, supports_monitoring, position) USING (position)
       ON CONFLICT (station_id, variable_key, attribute_type) DO UPDATE
         SET value = CASE WHEN stored.source IN ('set', 'get', 'event') AND stored.updated_at > $23::timestamptz THEN stored.value ELSE EXCLUDED.value END,
             value_redacted = EXCLUDED.value_redacted, mutability = EXCLUDED.mutability, persistent = EXCLUDED.persistent,
             constant = EXCLUDED.constant, unit = EXCLUDED.unit, data_type = EXCLUDED.data_type, min_limit = EXCLUDED.min_limit,
             max_limit = EXCLUDED.max_limit, values_list = EXCLUDED.values_list, supports_monitoring = EXCLUDED.supports_monitoring,
             reboot_required = stored.reboot_required AND stored.source = 'set' AND stored.updated_at > $23::timestamptz,
             source = CASE WHEN stored.source IN ('set', 'get', 'event') AND stored.updated_at > $23::timestamptz THEN stored.source ELSE EXCLUDED.source END,
             updated_at = now()`,
      [
        stationId,
        ...addressArrays(rows),
        rows.map((row) => row.mutability ?? null),
        rows.map((row) => row.persistent ?? null),
        rows.map((row) => row.constant ?? null),
        rows.map((row) => pgText(row.characteristics?.unit)),
        rows.map((row) => pgText(row.characteristics?.dataType)),
        rows.map((row) => row.characteristics?.minLimit ?? null),
        rows.map((row) => row.characteristics?.maxLimit ?? null),
        rows.map((row) => pgText(row.characteristics?.valuesList)),
        rows.map((row) => row.characteristics?.supportsMonitoring ?? null),
        rows.map((_row, index) => index + 1),
        source,
        reportStartedAt?.toISOString() ?? 'infinity',
      ],
    );
  }

  /** Writes learned values; what else is stored of the attribute (mutability, characteristics) stays. */
  async writeValues(executor: SqlExecutor, stationId: string, observed: readonly ObservedValue[], source: ObservationSource): Promise<void> {
    const values = lastPerAttribute(observed);
    if (values.length === 0) return;
    await execute(
      executor,
      `INSERT INTO ${DEVICE_MODEL_TABLE} AS stored (station_id, ${ADDRESS_COLUMNS}, value, value_redacted, mutability, reboot_required, last_set_status, source, updated_at)
       SELECT $1, ${ADDRESS_SELECT}, extra.mutability, extra.reboot_required, extra.last_set_status, $15, now()
         FROM ${UNNEST_ADDRESS} WITH ORDINALITY AS row ${ADDRESS_ALIAS}
         JOIN unnest($12::text[], $13::boolean[], $14::text[], $16::int[]) AS extra (mutability, reboot_required, last_set_status, position) USING (position)
       ON CONFLICT (station_id, variable_key, attribute_type) DO UPDATE
         SET value = EXCLUDED.value, value_redacted = EXCLUDED.value_redacted, mutability = COALESCE(EXCLUDED.mutability, stored.mutability),
             reboot_required = EXCLUDED.reboot_required, last_set_status = COALESCE(EXCLUDED.last_set_status, stored.last_set_status),
             source = EXCLUDED.source, updated_at = now()`,
      [
        stationId,
        ...addressArrays(values),
        values.map((value) => value.mutability ?? null),
        values.map((value) => value.rebootRequired ?? false),
        values.map((value) => pgText(value.setStatus)),
        source,
        values.map((_value, index) => index + 1),
      ],
    );
  }

  /** Keeps the station's refusal beside the value it left unchanged; an attribute never stored gains no row. */
  async markRefused(executor: SqlExecutor, stationId: string, refused: readonly RefusedSet[]): Promise<void> {
    if (refused.length === 0) return;
    await execute(
      executor,
      `UPDATE ${DEVICE_MODEL_TABLE} AS stored SET last_set_status = refusal.status, updated_at = now()
         FROM unnest($2::text[], $3::text[], $4::text[]) AS refusal (variable_key, attribute_type, status)
        WHERE stored.station_id = $1 AND stored.variable_key = refusal.variable_key AND stored.attribute_type = refusal.attribute_type`,
      [stationId, refused.map(variableKeyOf), refused.map((entry) => entry.type), refused.map((entry) => pgText(entry.setStatus))],
    );
  }
}
