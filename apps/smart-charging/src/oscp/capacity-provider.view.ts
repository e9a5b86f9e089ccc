import type { ForecastRow, GroupRow, ProviderRow } from './capacity-provider.repository';
import type { ProviderView } from './capacity-provider.schemas';

const iso = (at: Date | string): string => new Date(at).toISOString();
const isoOrNull = (at: Date | string | null): string | null => (at === null ? null : iso(at));

function summary(forecast: ForecastRow | undefined) {
  return forecast === undefined ? null : { type: forecast.forecast_type, blocks: forecast.blocks.length, receivedAt: iso(forecast.received_at) };
}

/** A provider as the registry shows it: never a token, only whether we hold one. */
export function providerViewOf(row: ProviderRow, groups: readonly GroupRow[], forecasts: readonly ForecastRow[]): ProviderView {
  const forecastOf = (groupId: string, kind: ForecastRow['kind']) => forecasts.find((forecast) => forecast.group_id === groupId && forecast.kind === kind);
  return {
    providerId: row.provider_id,
    name: row.name,
    baseUrl: row.base_url,
    hasOutboundToken: row.has_outbound_token,
    registered: row.registered,
    heartbeatIntervalS: row.heartbeat_interval_s,
    liveness: {
      silent: row.silent,
      silentFrom: iso(row.silent_from),
      silentSince: isoOrNull(row.silent_since),
      lastContactAt: iso(row.last_contact_at),
      lastHeartbeatAt: isoOrNull(row.last_heartbeat_at),
      offlineModeAt: isoOrNull(row.offline_mode_at),
    },
    ourHeartbeats: { nextAt: iso(row.next_heartbeat_at), lastSentAt: isoOrNull(row.last_heartbeat_sent_at), lastOutcome: row.last_heartbeat_outcome },
    groups: groups.map((group) => ({
      groupId: group.group_id,
      siteId: group.site_id,
      nodeId: group.node_id,
      normalForecast: summary(forecastOf(group.group_id, 'normal')),
      fallbackForecast: summary(forecastOf(group.group_id, 'fallback')),
    })),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
