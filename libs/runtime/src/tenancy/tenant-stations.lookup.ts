import { Problem } from '../rest/problem';

const TIMEOUT_MS = 10_000;

/** Where a service asks the station registry (the connection service's internal API) and with which token. */
export interface TenantStationsSource {
  /** The connection service's base URL; undefined when its setting is not set. */
  baseUrl: string | undefined;
  /** The setting that gives baseUrl, named in the refusal when it is missing. */
  baseUrlSetting: string;
  internalApiToken: string | undefined;
  /** Whose tenant the refusal speaks of ("the token's", "the site's"). */
  whose: string;
}

/**
 * The tenant's stations as the station registry has them now (docs/adr/037-tenant-scoping.md).
 * Closed on failure: without the settings, or when the registry cannot answer, it throws a 503
 * problem, so callers refuse or send nothing, never allow.
 */
export async function lookUpTenantStations(source: TenantStationsSource, tenant: string): Promise<string[]> {
  const unavailable = (detail: string) =>
    new Problem({ status: 503, code: 'tenancy-unavailable', detail: `the stations of ${source.whose} tenant cannot be learnt: ${detail}` });
  if (source.baseUrl === undefined) throw unavailable(`${source.baseUrlSetting} is not set`);
  if (source.internalApiToken === undefined) throw unavailable('INTERNAL_API_TOKEN is not set');
  let response: Response;
  try {
    response = await fetch(`${source.baseUrl}/api/internal/connection/tenants/${encodeURIComponent(tenant)}/stations`, {
      headers: { authorization: `Bearer ${source.internalApiToken}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw unavailable(`the connection service could not be reached (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) throw unavailable(`the connection service answered ${response.status}`);
  const body = (await response.json()) as { stationIds?: unknown };
  if (!Array.isArray(body.stationIds) || !body.stationIds.every((id) => typeof id === 'string')) throw unavailable('the connection service answered without a station list');
  return body.stationIds;
}
