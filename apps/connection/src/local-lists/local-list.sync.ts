import { randomUUID } from 'node:crypto';
import { AuthorizationStatus, timestampFromDate } from '@app/contracts';
import type { OcppVersion } from '@app/ocpp';
import type { CommandBody, CommandStatus } from '@app/station-commands';
import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { type LocalListEntry, type LocalListStatus, desiredEntries, listDigest } from './local-list.entries';
import { limitKeysOf, limitsFrom } from './local-list.limits';
import { type HeldList, type ListChange, type ListLimits, type ListUpdate, applyUpdate, planSync } from './local-list.plan';
import { LocalListRepository, type LocalListRow } from './local-list.repository';

/** What became of one command, as the sender reports it (a StationCommandClient outcome, or the executor's). */
export interface SentOutcome {
  status: CommandStatus;
  result?: Record<string, unknown>;
  errorCode?: string;
  errorDescription?: string;
}

/** Sends one version-neutral command to the station under `correlationId` and resolves with its outcome. */
export type LocalListSender = (body: CommandBody, correlationId: string) => Promise<SentOutcome>;

/** The correlation id of every command of one synchronisation starts with this: the observer of other SendLocalLists ignores them. */
export const SYNC_CORRELATION_PREFIX = 'local-list-sync:';

export const isSyncCorrelation = (correlationId: string): boolean => correlationId.startsWith(SYNC_CORRELATION_PREFIX);

/** The sender of one synchronisation, its correlation id bound. */
type Send = (body: CommandBody) => Promise<SentOutcome>;

export type SyncState = 'in-sync' | 'pending' | 'failed' | 'not-supported';

/** How one synchronisation ended, with every SendLocalList it sent. */
export interface SyncReport {
  stationId: string;
  /** busy: another synchronisation of this station is running (on this or another replica). */
  state: SyncState | 'busy';
  version: number | null;
  entries: number;
  sent: { version: number; updateType: 'full' | 'differential'; entries: number; status: string }[];
  error?: string;
}

export interface SyncOptions {
  /** Send the whole list even if a differential update would do. */
  full?: boolean;
  logger: Logger;
}

/** Long enough for several chunks with their timeouts; released as soon as the synchronisation ends. */
const LEASE_MS = 5 * 60_000;

/** For the question whether anything needs sending at all, before the station's limits are known. */
const UNBOUNDED: ListLimits = { itemsPerMessage: Number.MAX_SAFE_INTEGER };

const neutralStatus: Readonly<Record<LocalListStatus, AuthorizationStatus>> = {
  Accepted: AuthorizationStatus.ACCEPTED,
  Blocked: AuthorizationStatus.BLOCKED,
  Expired: AuthorizationStatus.EXPIRED,
  Invalid: AuthorizationStatus.INVALID,
};

function bodyOf(update: ListUpdate): CommandBody {
  const entryOf = (change: ListChange) => ({
    idToken: { value: change.idToken, type: change.type },
    status: change.entry === undefined ? AuthorizationStatus.UNSPECIFIED : neutralStatus[change.entry.status],
    expiresAt: change.entry?.expiresAt ? timestampFromDate(new Date(change.entry.expiresAt)) : undefined,
  });
  return { case: 'sendLocalList', value: { version: update.version, full: update.full, entries: update.changes.map(entryOf) } };
}

const stationStatusOf = (outcome: SentOutcome): string => String(outcome.result?.stationStatus ?? outcome.result?.status ?? outcome.status);

/** Local lists are not supported: 1.6 version -1, a NotSupported answer, or a CALLERROR NotSupported / NotImplemented. */
function notSupported(outcome: SentOutcome): boolean {
  if (outcome.status === 'call-error') return outcome.errorCode === 'NotSupported' || outcome.errorCode === 'NotImplemented';
  return outcome.result?.status === 'NotSupported';
}

function failureOf(outcome: SentOutcome, what: string): string {
  const detail = outcome.status === 'rejected' ? `answered ${stationStatusOf(outcome)}` : `${outcome.status}${outcome.errorDescription ? `: ${outcome.errorDescription}` : ''}`;
  return `${what}: ${detail}`;
}

const heldOf = (row: LocalListRow | undefined): HeldList => ({ version: row?.version ?? undefined, entries: row?.entries ?? [] });

/**
 * Brings one station's local list to what it should hold: asks its version, plans a differential
 * or full update within its limits (local-list.plan.ts), sends the updates one by one and stores
 * each accepted one, so the stored version always is one the station accepted. A differential
 * update answered VersionMismatch is followed by the full list. Runs under the station's lease,
 * so no two replicas update one station's list at once. Which replica runs it does not matter:
 * the sender reaches the station wherever it is connected.
 */
@Injectable()
export class LocalListSync {
  constructor(private readonly lists: LocalListRepository) {}

  async sync(stationId: string, version: OcppVersion, send: LocalListSender, options: SyncOptions): Promise<SyncReport> {
    if (!(await this.lists.acquire(stationId, version, LEASE_MS))) {
      return { stationId, state: 'busy', version: null, entries: 0, sent: [], error: 'another update of this station’s local list is running' };
    }
    try {
      const correlationId = `${SYNC_CORRELATION_PREFIX}${randomUUID()}`;
      const report = await this.run(stationId, version, (body) => send(body, correlationId), options);
      await this.lists.recordOutcome(stationId, report.state === 'in-sync' || report.state === 'not-supported' ? report.state : 'failed', report.error ?? null);
      options.logger.info({ stationId, state: report.state, version: report.version, sent: report.sent.length, error: report.error }, 'local list synchronised');
      return report;
    } finally {
      await this.lists.release(stationId);
    }
  }

  private async run(stationId: string, version: OcppVersion, send: Send, options: SyncOptions): Promise<SyncReport> {
    const desired = desiredEntries(await this.lists.registeredTokens(), version, new Date());
    let held = heldOf(await this.lists.find(stationId));
    const report: SyncReport = { stationId, state: 'pending', version: held.version ?? null, entries: held.entries.length, sent: [] };
    const fail = (state: SyncState, error: string): SyncReport => ({ ...report, state, error });

    const asked = await send({ case: 'getLocalListVersion', value: {} });
    if (notSupported(asked)) return fail('not-supported', 'the station does not support local lists');
    if (asked.status !== 'accepted') return fail('failed', failureOf(asked, 'GetLocalListVersion'));
    const stationVersion = Number(asked.result?.version ?? 0);
    if (stationVersion < 0) return fail('not-supported', 'the station does not support local lists (version -1)');

    const planFor = (limits: ListLimits, forceFull: boolean) => planSync({ held, stationVersion, desired, limits, forceFull });
    // Only a list that needs updates costs the question for the station's limits.
    if (planFor(UNBOUNDED, options.full === true).kind === 'in-sync') {
      await this.store(stationId, held.version ?? null, held.entries);
      return { ...report, state: 'in-sync' };
    }
    const limits = await this.limitsOf(version, send);
    let forceFull = options.full === true;
    // A differential plan, then (after VersionMismatch) the full list: at most two rounds.
    for (;;) {
      const plan = planFor(limits, forceFull);
      if (plan.kind === 'too-long') return fail('failed', plan.reason);
      if (plan.kind === 'in-sync') return { ...report, state: 'in-sync' };
      const ended = await this.sendUpdates(stationId, plan.updates, held.entries, send, report, (next) => (held = next));
      if (ended === 'done') return { ...report, state: 'in-sync' };
      if (ended === 'version-mismatch' && !forceFull) {
        options.logger.info({ stationId }, 'the station refused a differential local list update (VersionMismatch); sending the full list');
        forceFull = true;
        delete report.error;
        continue;
      }
      return fail(ended === 'not-supported' ? 'not-supported' : 'failed', report.error ?? 'the station refused the list');
    }
  }

  /** Sends the updates in order, storing each accepted one; stops at the first the station refuses. */
  private async sendUpdates(
    stationId: string,
    updates: readonly ListUpdate[],
    heldEntries: readonly LocalListEntry[],
    send: Send,
    report: SyncReport,
    accepted: (held: HeldList) => void,
  ): Promise<'done' | 'version-mismatch' | 'not-supported' | 'failed'> {
    let entries = heldEntries;
    for (const update of updates) {
      const outcome = await send(bodyOf(update));
      report.sent.push({ version: update.version, updateType: update.full ? 'full' : 'differential', entries: update.changes.length, status: stationStatusOf(outcome) });
      if (outcome.status !== 'accepted') {
        if (notSupported(outcome)) {
          report.error = 'the station does not support local lists';
          return 'not-supported';
        }
        report.error = failureOf(outcome, `SendLocalList version ${update.version}`);
        return outcome.result?.status === 'VersionMismatch' && !update.full ? 'version-mismatch' : 'failed';
      }
      entries = applyUpdate(entries, update);
      await this.store(stationId, update.version, entries);
      accepted({ version: update.version, entries });
      Object.assign(report, { version: update.version, entries: entries.length });
    }
    return 'done';
  }

  private async store(stationId: string, version: number | null, entries: readonly LocalListEntry[]): Promise<void> {
    await this.lists.saveAccepted(stationId, version, entries, listDigest(entries));
  }

  /** The station's limits; the defaults when it cannot tell (the answer is not needed to be safe). */
  private async limitsOf(version: OcppVersion, send: Send): Promise<ListLimits> {
    const answer = await send({ case: 'getConfiguration', value: { keys: limitKeysOf(version) } });
    const settings = answer.status === 'accepted' && Array.isArray(answer.result?.settings) ? (answer.result.settings as { key: string; value?: string }[]) : [];
    return limitsFrom(version, settings);
  }
}
