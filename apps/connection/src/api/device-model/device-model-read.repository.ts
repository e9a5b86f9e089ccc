import { InjectDataSource, queryRows, sqlParameters, whereClause } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../station-core.port';
import { DEVICE_MODEL_TABLE } from '../device-model.port';

export interface DeviceModelRow {
  variable_key: string;
  attribute_type: string;
  component_name: string;
  component_instance: string | null;
  evse_id: number | null;
  connector_id: number | null;
  variable_name: string;
  variable_instance: string | null;
  value: string | null;
  value_redacted: boolean;
  mutability: string | null;
  persistent: boolean | null;
  constant: boolean | null;
  unit: string | null;
  data_type: string | null;
  min_limit: number | null;
  max_limit: number | null;
  values_list: string | null;
  supports_monitoring: boolean | null;
  reboot_required: boolean;
  last_set_status: string | null;
  source: string;
  updated_at: Date;
}

export interface DeviceModelFilter {
  stationId: string;
  component?: string;
  variable?: string;
  evseId?: number;
  connectorId?: number;
  attributeType?: string;
  mutability?: string;
  text?: string;
  /** Keyset: [variable_key, attribute_type] of the last row of the previous page. */
  after?: string[];
  limit: number;
}

const COLUMNS = `variable_key, attribute_type, component_name, component_instance, evse_id, connector_id, variable_name, variable_instance, value,
  value_redacted, mutability, persistent, constant, unit, data_type, min_limit, max_limit, values_list, supports_monitoring, reboot_required,
  last_set_status, source, updated_at`;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** The operator API's reads of the device model, in variable-name order. */
@Injectable()
export class DeviceModelReadRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  async list(filter: DeviceModelFilter): Promise<DeviceModelRow[]> {
    const { values: parameters, bind } = sqlParameters();
    const conditions = [`station_id = ${bind(filter.stationId)}`];
    if (filter.component !== undefined) conditions.push(`lower(component_name) = lower(${bind(filter.component)})`);
    if (filter.variable !== undefined) conditions.push(`lower(variable_name) = lower(${bind(filter.variable)})`);
    if (filter.evseId !== undefined) conditions.push(`evse_id = ${bind(filter.evseId)}`);
    if (filter.connectorId !== undefined) conditions.push(`connector_id = ${bind(filter.connectorId)}`);
    if (filter.attributeType !== undefined) conditions.push(`attribute_type = ${bind(filter.attributeType)}`);
    if (filter.mutability !== undefined) conditions.push(`mutability = ${bind(filter.mutability)}`);
    if (filter.text !== undefined) {
      const pattern = bind(likePattern(filter.text));
      conditions.push(`(component_name ILIKE ${pattern} OR variable_name ILIKE ${pattern} OR coalesce(component_instance, '') ILIKE ${pattern} OR coalesce(variable_instance, '') ILIKE ${pattern} OR coalesce(value, '') ILIKE ${pattern})`);
    }
    if (filter.after !== undefined) {
      const [variableKey, attributeType] = filter.after;
      conditions.push(`(variable_key, attribute_type) > (${bind(variableKey)}, ${bind(attributeType)})`);
    }
    return queryRows<DeviceModelRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM ${DEVICE_MODEL_TABLE} ${whereClause(conditions)} ORDER BY variable_key, attribute_type LIMIT ${bind(filter.limit)}`,
      parameters,
    );
  }
}
