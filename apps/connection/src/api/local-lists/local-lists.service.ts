import { OcppVersion as PresenceVersion } from '@app/contracts';
import type { OcppVersion } from '@app/ocpp';
import { ROOT_LOGGER } from '@app/observability';
import { DEFAULT_PAGE_SIZE, type Page, type ApiPrincipal, pageOf } from '@app/runtime';
import { PresenceDirectory, StationCommandClient } from '@app/station-commands';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { isoOrNull } from '../api-schemas';
import { type LocalListEntry, type LocalListRow, LocalListRepository, LocalListSync, type SyncReport, desiredEntries, listDigest, syncStateOf } from '../local-lists.port';
import { type ApiResult, OperatorApiErrorCode, failed, succeeded } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import type { ListLocalListsQuery, LocalListSummaryView, LocalListView, PushGroupBody, SyncReportView } from './local-list.schemas';

/** What every station of each version should hold now, computed once per request. */
type Desired = Record<OcppVersion, { count: number; digest: string }>;

/** How many stations of a group are updated at once: each waits on its station's answers. */
const GROUP_CONCURRENCY = 5;
const GROUP_LIMIT = 100;

const versionOfPresence: Readonly<Partial<Record<PresenceVersion, OcppVersion>>> = {
  [PresenceVersion.OCPP_VERSION_1_6]: '1.6',
  [PresenceVersion.OCPP_VERSION_2_0_1]: '2.0.1',
};

function summaryOf(row: Omit<LocalListRow, 'entries'>, desired: Desired): LocalListSummaryView {
  const wanted = desired[row.ocpp_version ?? '2.0.1'];
  return {
    stationId: row.station_id,
    ocppVersion: row.ocpp_version,
    version: row.version,
    entries: row.entry_count,
    desiredEntries: wanted.count,
    syncState: syncStateOf({ outcome: row.outcome, digest: row.digest, desiredDigest: wanted.digest }),
    lastError: row.last_error,
    attemptedAt: isoOrNull(row.attempted_at),
    syncedAt: isoOrNull(row.synced_at),
  };
}

const entryView = (entry: LocalListEntry) => ({ idToken: entry.idToken, type: entry.type, status: entry.status, expiresAt: entry.expiresAt });

/**
 * The operator's view of local authorization lists and the push to one station or a group. A
 * push runs the synchronisation here, reaching the station through ocpp.commands wherever it is
 * connected; the station's lease keeps it from overlapping a reconciliation on its replica.
 */
@Injectable()
export class LocalListsService {
  private readonly logger: Logger;

  constructor(
    private readonly lists: LocalListRepository,
    private readonly sync: LocalListSync,
    private readonly client: StationCommandClient,
    private readonly presence: PresenceDirectory,
    private readonly stations: StationReadRepository,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'local-lists-api' });
  }

  async list(query: ListLocalListsQuery, tenant?: string): Promise<Page<LocalListSummaryView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [rows, desired] = await Promise.all([this.lists.list({ stationIds: query.stationId, after: query.cursor?.[0], tenant, limit: limit + 1 }), this.desired()]);
    return pageOf(rows, limit, (row) => summaryOf(row, desired), (row) => [row.station_id]);
  }

  async get(stationId: string): Promise<ApiResult<LocalListView>> {
    const [row, desired] = await Promise.all([this.lists.find(stationId), this.desired()]);
    if (row === undefined) {
      if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
      const empty = { station_id: stationId, ocpp_version: null, version: null, entry_count: 0, digest: null, outcome: null, last_error: null, attempted_at: null, synced_at: null };
      return succeeded({ ...summaryOf(empty, desired), items: [] });
    }
    return succeeded({ ...summaryOf(row, desired), items: row.entries.map(entryView) });
  }

  async push(stationId: string, full: boolean, actor: ApiPrincipal | undefined): Promise<ApiResult<SyncReportView>> {
    let report: SyncReportView;
    try {
      report = await this.pushOne(stationId, full, actor);
    } catch (error) {
      this.logger.error({ err: error, stationId }, 'could not push the local list');
      return failed(OperatorApiErrorCode.commandNotDelivered, 'the local list could not be sent (message bus or database unavailable); try again');
    }
    if (report.state !== 'not-connected') return succeeded(report);
    if (!(await this.stations.exists(stationId))) return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`);
    return failed(OperatorApiErrorCode.stationNotConnected, `station ${stationId} is not connected`);
  }

  /** `select: out-of-sync` picks among the stations of the caller's tenant only (named `stationIds` are checked by tenant scoping). */
  async pushGroup(body: PushGroupBody, actor: ApiPrincipal | undefined): Promise<{ items: SyncReportView[] }> {
    const stationIds = body.stationIds ?? (await this.outOfSync(actor?.tenant));
    const items: SyncReportView[] = [];
    for (let start = 0; start < stationIds.length; start += GROUP_CONCURRENCY) {
      const batch = stationIds.slice(start, start + GROUP_CONCURRENCY);
      items.push(...(await Promise.all(batch.map((stationId) => this.pushOne(stationId, body.full, actor).catch((error: unknown) => this.undelivered(stationId, error))))));
    }
    return { items };
  }

  private async pushOne(stationId: string, full: boolean, actor: ApiPrincipal | undefined): Promise<SyncReportView> {
    const location = this.presence.locate(stationId);
    const version = location === undefined ? undefined : versionOfPresence[location.protocol];
    if (!location?.connected || version === undefined) return { stationId, state: 'not-connected', version: null, entries: 0, sent: [], error: `station ${stationId} is not connected` };
    const logger = this.logger.child({ stationId, actor: actor?.name });
    const report: SyncReport = await this.sync.sync(stationId, version, (body, correlationId) => this.client.send(stationId, body, { actor: actor?.name, correlationId }), { full, logger });
    return report;
  }

  /** One station of a group whose update could not be sent does not stop the others. */
  private undelivered(stationId: string, error: unknown): SyncReportView {
    this.logger.error({ err: error, stationId }, 'could not push the local list');
    return { stationId, state: 'failed', version: null, entries: 0, sent: [], error: 'the local list could not be sent (message bus or database unavailable)' };
  }

  /** Stations whose list is pending or failed, the first GROUP_LIMIT by id. */
  private async outOfSync(tenant: string | undefined): Promise<string[]> {
    const desired = await this.desired();
    const found: string[] = [];
    let after: string | undefined;
    for (;;) {
      const rows = await this.lists.list({ after, tenant, limit: 500 });
      for (const row of rows) {
        const state = summaryOf(row, desired).syncState;
        if ((state === 'pending' || state === 'failed') && found.push(row.station_id) >= GROUP_LIMIT) return found;
      }
      if (rows.length < 500) return found;
      after = rows.at(-1)?.station_id;
    }
  }

  private async desired(): Promise<Desired> {
    const tokens = await this.lists.registeredTokens();
    const now = new Date();
    const of = (version: OcppVersion) => {
      const entries = desiredEntries(tokens, version, now);
      return { count: entries.length, digest: listDigest(entries) };
    };
    return { '1.6': of('1.6'), '2.0.1': of('2.0.1') };
  }
}
