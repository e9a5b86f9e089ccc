import { InjectDataSource, type SqlExecutor, execute, pgJson, queryRows } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';
import type { ForecastedBlock } from './oscp-messages.schemas';

const PROVIDER = `"${SMART_CHARGING_SCHEMA}"."oscp_capacity_provider"`;
const GROUP = `"${SMART_CHARGING_SCHEMA}"."oscp_capacity_group"`;
const FORECAST = `"${SMART_CHARGING_SCHEMA}"."oscp_forecast"`;
const NODE = `"${SMART_CHARGING_SCHEMA}"."node"`;

/** A provider row without its secrets: what views and the silence logic read. */
export interface ProviderRow {
  provider_id: string;
  name: string | null;
  base_url: string | null;
  has_outbound_token: boolean;
  registered: boolean;
  heartbeat_interval_s: number;
  last_contact_at: Date;
  last_heartbeat_at: Date | null;
  offline_mode_at: Date | null;
  silent_from: Date;
  silent: boolean;
  silent_since: Date | null;
  next_heartbeat_at: Date;
  last_heartbeat_sent_at: Date | null;
  last_heartbeat_outcome: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface GroupRow {
  provider_id: string;
  group_id: string;
  site_id: string;
  node_id: string;
}

export interface ForecastRow {
  group_id: string;
  kind: 'normal' | 'fallback';
  forecast_type: string;
  blocks: ForecastedBlock[];
  received_at: Date;
}

/** Where and with which token to call a provider: read only by the code that calls it, never logged. */
export interface ProviderEndpoint {
  provider_id: string;
  base_url: string;
  outbound_token: string;
  heartbeat_interval_s: number;
}

export interface NewProvider {
  providerId: string;
  name: string | null;
  baseUrl: string | null;
  tokenSha256: string;
  outboundToken: string | null;
  heartbeatIntervalS: number;
}

export interface ProviderChanges {
  name?: string | null;
  baseUrl?: string | null;
  outboundToken?: string | null;
  heartbeatIntervalS?: number;
  tokenSha256?: string;
  registered?: boolean;
}

const COLUMNS = `provider_id, name, base_url, outbound_token IS NOT NULL AS has_outbound_token, registered, heartbeat_interval_s, last_contact_at,
  last_heartbeat_at, offline_mode_at, silent_from, silent, silent_since, next_heartbeat_at, last_heartbeat_sent_at, last_heartbeat_outcome, version, created_at, updated_at`;

/** Capacity Providers, their groups and forecasts (smart_charging.oscp_*). */
@Injectable()
export class CapacityProviderRepository {
  constructor(@InjectDataSource(SMART_CHARGING_SCHEMA) readonly dataSource: DataSource) {}

  async insert(manager: SqlExecutor, provider: NewProvider): Promise<ProviderRow | undefined> {
    const [row] = await queryRows<ProviderRow>(
      manager,
      `INSERT INTO ${PROVIDER} (provider_id, name, base_url, token_sha256, outbound_token, heartbeat_interval_s, silent_from)
       VALUES ($1, $2, $3, $4, $5, $6::int, now() + make_interval(secs => $6::int))
       ON CONFLICT (provider_id) DO NOTHING RETURNING ${COLUMNS}`,
      [provider.providerId, provider.name, provider.baseUrl, provider.tokenSha256, provider.outboundToken, provider.heartbeatIntervalS],
    );
    return row;
  }

  async update(manager: SqlExecutor, providerId: string, changes: ProviderChanges): Promise<ProviderRow | undefined> {
    const [row] = await queryRows<ProviderRow>(
      manager,
      `UPDATE ${PROVIDER} SET
         name = CASE WHEN $2 THEN $3 ELSE name END,
         base_url = CASE WHEN $4 THEN $5 ELSE base_url END,
         outbound_token = CASE WHEN $6 THEN $7 ELSE outbound_token END,
         heartbeat_interval_s = COALESCE($8, heartbeat_interval_s),
         token_sha256 = COALESCE($9, token_sha256),
         registered = COALESCE($10, registered),
         next_heartbeat_at = CASE WHEN $8 IS NULL THEN next_heartbeat_at ELSE now() END,
         version = version + 1, updated_at = now()
       WHERE provider_id = $1 RETURNING ${COLUMNS}`,
      [
        providerId,
        changes.name !== undefined,
        changes.name ?? null,
        changes.baseUrl !== undefined,
        changes.baseUrl ?? null,
        changes.outboundToken !== undefined,
        changes.outboundToken ?? null,
        changes.heartbeatIntervalS ?? null,
        changes.tokenSha256 ?? null,
        changes.registered ?? null,
      ],
    );
    return row;
  }

  async delete(manager: SqlExecutor, providerId: string): Promise<boolean> {
    return (await queryRows(manager, `DELETE FROM ${PROVIDER} WHERE provider_id = $1 RETURNING provider_id`, [providerId])).length > 0;
  }

  async find(executor: SqlExecutor, providerId: string, lock = false): Promise<ProviderRow | undefined> {
    const [row] = await queryRows<ProviderRow>(executor, `SELECT ${COLUMNS} FROM ${PROVIDER} WHERE provider_id = $1${lock ? ' FOR UPDATE' : ''}`, [providerId]);
    return row;
  }

  /** The provider whose token hashes to this, with the stored hash for a constant-time comparison. */
  async findByTokenHash(tokenSha256: string): Promise<(ProviderRow & { token_sha256: string }) | undefined> {
    const [row] = await queryRows<ProviderRow & { token_sha256: string }>(this.dataSource, `SELECT ${COLUMNS}, token_sha256 FROM ${PROVIDER} WHERE token_sha256 = $1`, [tokenSha256]);
    return row;
  }

  async tokenHash(providerId: string): Promise<string | undefined> {
    const [row] = await queryRows<{ token_sha256: string }>(this.dataSource, `SELECT token_sha256 FROM ${PROVIDER} WHERE provider_id = $1`, [providerId]);
    return row?.token_sha256;
  }

  async list(): Promise<ProviderRow[]> {
    return queryRows<ProviderRow>(this.dataSource, `SELECT ${COLUMNS} FROM ${PROVIDER} ORDER BY provider_id`);
  }

  async endpoint(providerId: string): Promise<ProviderEndpoint | undefined> {
    const [row] = await queryRows<ProviderEndpoint>(
      this.dataSource,
      `SELECT provider_id, base_url, outbound_token, heartbeat_interval_s FROM ${PROVIDER} WHERE provider_id = $1 AND base_url IS NOT NULL AND outbound_token IS NOT NULL`,
      [providerId],
    );
    return row;
  }

  /** Claims the providers whose heartbeat is due (one replica each: the row moves its next due time), with where to send it. */
  async claimDueHeartbeats(): Promise<ProviderEndpoint[]> {
    return queryRows<ProviderEndpoint>(
      this.dataSource,
      `UPDATE ${PROVIDER} SET next_heartbeat_at = now() + make_interval(secs => heartbeat_interval_s)
        WHERE next_heartbeat_at <= now() AND base_url IS NOT NULL AND outbound_token IS NOT NULL
        RETURNING provider_id, base_url, outbound_token, heartbeat_interval_s`,
    );
  }

  async recordHeartbeatSent(providerId: string, outcome: string): Promise<void> {
    await execute(this.dataSource, `UPDATE ${PROVIDER} SET last_heartbeat_sent_at = now(), last_heartbeat_outcome = $2 WHERE provider_id = $1`, [providerId, outcome]);
  }

  /** A heartbeat from the provider: its offline_mode_at is when it goes silent. */
  async recordHeartbeat(providerId: string, offlineModeAt: Date): Promise<void> {
    await execute(this.dataSource, `UPDATE ${PROVIDER} SET last_contact_at = now(), last_heartbeat_at = now(), offline_mode_at = $2, silent_from = $2 WHERE provider_id = $1`, [
      providerId,
      offlineModeAt,
    ]);
  }

  /** Any other message: alive for one interval more at least (provider-liveness.ts, afterMessage). */
  async recordContact(providerId: string): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE ${PROVIDER} SET last_contact_at = now(), silent_from = GREATEST(silent_from, now() + make_interval(secs => heartbeat_interval_s)) WHERE provider_id = $1`,
      [providerId],
    );
  }

  /** Records which forecast is applied (silent or not), only if it still is `from`: the replica that flips it first wins. */
  async setSilent(providerId: string, from: boolean, to: boolean): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource,
      `UPDATE ${PROVIDER} SET silent = $3, silent_since = CASE WHEN $3 THEN now() ELSE NULL END WHERE provider_id = $1 AND silent = $2 RETURNING provider_id`,
      [providerId, from, to],
    );
    return rows.length > 0;
  }

  async groupsOf(executor: SqlExecutor, providerId: string): Promise<GroupRow[]> {
    return queryRows<GroupRow>(executor, `SELECT provider_id, group_id, site_id, node_id FROM ${GROUP} WHERE provider_id = $1 ORDER BY group_id`, [providerId]);
  }

  async group(providerId: string, groupId: string): Promise<GroupRow | undefined> {
    const [row] = await queryRows<GroupRow>(this.dataSource, `SELECT provider_id, group_id, site_id, node_id FROM ${GROUP} WHERE provider_id = $1 AND group_id = $2`, [providerId, groupId]);
    return row;
  }

  /** Replaces the provider's groups; forecasts of groups that remain (same id, same node) are kept. */
  async replaceGroups(manager: SqlExecutor, providerId: string, groups: readonly { groupId: string; siteId: string; nodeId: string }[]): Promise<void> {
    const rows = groups.map((group) => ({ group_id: group.groupId, site_id: group.siteId, node_id: group.nodeId }));
    await execute(
      manager,
      `DELETE FROM ${GROUP} g WHERE provider_id = $1 AND NOT EXISTS (
         SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS n(group_id text, site_id text, node_id text)
          WHERE n.group_id = g.group_id AND n.site_id = g.site_id AND n.node_id = g.node_id)`,
      [providerId, pgJson(rows)],
    );
    await execute(
      manager,
      `INSERT INTO ${GROUP} (provider_id, group_id, site_id, node_id)
       SELECT $1, n.group_id, n.site_id, n.node_id FROM jsonb_to_recordset($2::jsonb) AS n(group_id text, site_id text, node_id text)
       ON CONFLICT (provider_id, group_id) DO NOTHING`,
      [providerId, pgJson(rows)],
    );
  }

  /** The indexes of the groups whose (site, node) does not exist. */
  async missingNodes(executor: SqlExecutor, groups: readonly { siteId: string; nodeId: string }[]): Promise<number[]> {
    const rows = await queryRows<{ position: string }>(
      executor,
      `SELECT g.position FROM jsonb_to_recordset($1::jsonb) AS g(position int, site_id text, node_id text)
        WHERE NOT EXISTS (SELECT 1 FROM ${NODE} n WHERE n.site_id = g.site_id AND n.node_id = g.node_id) ORDER BY g.position`,
      [pgJson(groups.map((group, position) => ({ position, site_id: group.siteId, node_id: group.nodeId })))],
    );
    return rows.map((row) => Number(row.position));
  }

  async saveForecast(providerId: string, groupId: string, kind: 'normal' | 'fallback', type: string, blocks: readonly ForecastedBlock[]): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO ${FORECAST} (provider_id, group_id, kind, forecast_type, blocks) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (provider_id, group_id, kind) DO UPDATE SET forecast_type = EXCLUDED.forecast_type, blocks = EXCLUDED.blocks, received_at = now()`,
      [providerId, groupId, kind, type, pgJson(blocks)],
    );
  }

  async forecastsOf(providerId: string): Promise<ForecastRow[]> {
    return queryRows<ForecastRow>(this.dataSource, `SELECT group_id, kind, forecast_type, blocks, received_at FROM ${FORECAST} WHERE provider_id = $1 ORDER BY group_id, kind`, [
      providerId,
    ]);
  }
}
