import { InjectDataSource, type SqlExecutor, execute, pgJson, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';
import type { StationMonitor } from './station-monitor';

const MONITORS = `"${CONNECTION_SCHEMA}"."station_monitor"`;

export type MonitorSource = 'report' | 'set';

interface MonitorRow {
  monitor_id: number;
  component_name: string;
  component_instance: string | null;
  evse_id: number | null;
  connector_id: number | null;
  variable_name: string;
  variable_instance: string | null;
  type: StationMonitor['type'];
  value: number;
  severity: number;
  transaction: boolean;
}

const COLUMNS = 'monitor_id, component_name, component_instance, evse_id, connector_id, variable_name, variable_instance, type, value, severity, transaction';

function rowOf(monitor: StationMonitor): MonitorRow {
  return {
    monitor_id: monitor.monitorId,
    component_name: monitor.component.name,
    component_instance: monitor.component.instance ?? null,
    evse_id: monitor.component.evseId ?? null,
    connector_id: monitor.component.connectorId ?? null,
    variable_name: monitor.variable.name,
    variable_instance: monitor.variable.instance ?? null,
    type: monitor.type,
    value: monitor.value,
    severity: monitor.severity,
    transaction: monitor.transaction,
  };
}

export function monitorOf(row: MonitorRow): StationMonitor {
  const component: StationMonitor['component'] = { name: row.component_name };
  if (row.component_instance !== null) component.instance = row.component_instance;
  if (row.evse_id !== null) component.evseId = row.evse_id;
  if (row.connector_id !== null) component.connectorId = row.connector_id;
  const variable: StationMonitor['variable'] = row.variable_instance === null ? { name: row.variable_name } : { name: row.variable_name, instance: row.variable_instance };
  return { monitorId: row.monitor_id, component, variable, type: row.type, value: Number(row.value), severity: row.severity, transaction: row.transaction };
}

/** The variable monitors the CSMS knows each 2.0.1 station has. */
@Injectable()
export class StationMonitorRepository {
  constructor(@InjectDataSource(CONNECTION_SCHEMA) private readonly dataSource: DataSource) {}

  /** Stores monitors (one statement, however many), replacing those with the same id. */
  async upsert(stationId: string, monitors: readonly StationMonitor[], source: MonitorSource, executor: SqlExecutor = this.dataSource): Promise<void> {
    if (monitors.length === 0) return;
    await execute(
      executor,
      `INSERT INTO ${MONITORS} (station_id, ${COLUMNS}, source, updated_at)
         SELECT $1, ${COLUMNS}, $3, now() FROM jsonb_to_recordset($2::jsonb) AS m(monitor_id integer, component_name text, component_instance text,
           evse_id integer, connector_id integer, variable_name text, variable_instance text, type text, value double precision, severity smallint, transaction boolean)
       ON CONFLICT (station_id, monitor_id) DO UPDATE SET component_name = EXCLUDED.component_name, component_instance = EXCLUDED.component_instance,
         evse_id = EXCLUDED.evse_id, connector_id = EXCLUDED.connector_id, variable_name = EXCLUDED.variable_name, variable_instance = EXCLUDED.variable_instance,
         type = EXCLUDED.type, value = EXCLUDED.value, severity = EXCLUDED.severity, transaction = EXCLUDED.transaction, source = EXCLUDED.source, updated_at = now()`,
      [stationId, pgJson(monitors.map(rowOf)), source],
    );
  }

  /** A complete, unfiltered report is everything the station has: monitors it no longer lists are gone. */
  async replaceAll(stationId: string, monitors: readonly StationMonitor[], executor: SqlExecutor = this.dataSource): Promise<void> {
    await execute(executor, `DELETE FROM ${MONITORS} WHERE station_id = $1`, [stationId]);
    await this.upsert(stationId, monitors, 'report', executor);
  }

  async remove(stationId: string, monitorIds: readonly number[]): Promise<void> {
    if (monitorIds.length === 0) return;
    await execute(this.dataSource, `DELETE FROM ${MONITORS} WHERE station_id = $1 AND monitor_id = ANY($2::integer[])`, [stationId, monitorIds]);
  }

  async findMany(stationId: string, monitorIds: readonly number[]): Promise<Map<number, StationMonitor>> {
    if (monitorIds.length === 0) return new Map();
    const rows = await queryRows<MonitorRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${MONITORS} WHERE station_id = $1 AND monitor_id = ANY($2::integer[])`, [stationId, monitorIds]);
    return new Map(rows.map((row) => [row.monitor_id, monitorOf(row)]));
  }

  async list(stationId: string): Promise<StationMonitor[]> {
    const rows = await queryRows<MonitorRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${MONITORS} WHERE station_id = $1 ORDER BY monitor_id`, [stationId]);
    return rows.map(monitorOf);
  }
}
