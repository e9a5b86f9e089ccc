import { AuthorizationStatus } from '@app/contracts';
import type { CommandBody } from '@app/station-commands';
import pino from 'pino';
import type { LocalListEntry, RegisteredToken } from './local-list.entries';
import type { LocalListRepository, LocalListRow, SyncOutcome } from './local-list.repository';
import { LocalListSync, type SentOutcome } from './local-list.sync';

const logger = pino({ level: 'silent' });

/** connection.local_list and id_token in memory. */
class FakeLists {
  tokens: RegisteredToken[] = [];
  row: LocalListRow | undefined;
  leased = false;

  registeredTokens = async () => this.tokens;
  find = async () => this.row;
  acquire = async (stationId: string) => {
    if (this.leased) return false;
    this.leased = true;
    this.row ??= { station_id: stationId, ocpp_version: '2.0.1', version: null, entries: [], entry_count: 0, digest: null, outcome: null, last_error: null, attempted_at: null, synced_at: null };
    return true;
  };
  release = async () => {
    this.leased = false;
  };
  saveAccepted = async (_stationId: string, version: number | null, entries: readonly LocalListEntry[], digest: string) => {
    if (this.row) Object.assign(this.row, { version, entries: [...entries], entry_count: entries.length, digest });
  };
  recordOutcome = async (_stationId: string, outcome: SyncOutcome, error: string | null) => {
    if (this.row) Object.assign(this.row, { outcome, last_error: error });
  };
}

/** A station's list as OCPP says it behaves: a differential update must be newer than the list it holds. */
class FakeStation {
  version = 0;
  list = new Map<string, string>();
  itemsPerMessage = '2';
  answer: string | undefined;
  readonly sent: { version: number; full: boolean; entries: number }[] = [];

  send = async (body: CommandBody): Promise<SentOutcome> => {
    if (body?.case === 'getLocalListVersion') return { status: 'accepted', result: { status: 'Accepted', version: this.version } };
    if (body?.case === 'getConfiguration') return { status: 'accepted', result: { status: 'Accepted', settings: [{ key: 'LocalAuthListCtrlr/ItemsPerMessage', value: this.itemsPerMessage }] } };
    if (body?.case !== 'sendLocalList' || body.value === undefined) throw new Error(`unexpected command ${String(body?.case)}`);
    const { version = 0, full = false, entries = [] } = body.value;
    this.sent.push({ version, full, entries: entries.length });
    if (this.answer !== undefined) return { status: 'rejected', result: { status: this.answer, stationStatus: this.answer } };
    if (!full && version <= this.version) return { status: 'rejected', result: { status: 'VersionMismatch', stationStatus: 'VersionMismatch' } };
    if (full) this.list.clear();
    for (const entry of entries) {
      const token = entry.idToken?.value ?? '';
      if (entry.status === AuthorizationStatus.UNSPECIFIED || entry.status === undefined) this.list.delete(token);
      else this.list.set(token, AuthorizationStatus[entry.status]);
    }
    this.version = version;
    return { status: 'accepted', result: { status: 'Accepted', stationStatus: 'Accepted' } };
  };
}

const token = (value: string, status = 'Accepted'): RegisteredToken => ({ value, type: 'ISO14443', status, expiresAt: null });

describe('LocalListSync', () => {
  let lists: FakeLists;
  let station: FakeStation;
  let sync: LocalListSync;
  const run = (full = false) => sync.sync('CS-1', '2.0.1', station.send, { full, logger });

  beforeEach(() => {
    lists = new FakeLists();
    station = new FakeStation();
    sync = new LocalListSync(lists as unknown as LocalListRepository);
    lists.tokens = ['A', 'B', 'C', 'D', 'E'].map((value) => token(value));
  });

  it('sends a station without a list the full list in chunks of its ItemsPerMessage and stores the last version', async () => {
    const report = await run();
    expect(report).toMatchObject({ state: 'in-sync', version: 3, entries: 5 });
    expect(station.sent).toEqual([
      { version: 1, full: true, entries: 2 },
      { version: 2, full: false, entries: 2 },
      { version: 3, full: false, entries: 1 },
    ]);
    expect([...station.list.keys()]).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(lists.row).toMatchObject({ version: 3, entry_count: 5, outcome: 'in-sync', last_error: null });
    expect(lists.leased).toBe(false);
  });

  it('sends only the changed tokens after a token change, and nothing when in sync', async () => {
    await run();
    station.sent.length = 0;
    lists.tokens = [token('A', 'Blocked'), token('B'), token('C'), token('D')];
    await expect(run()).resolves.toMatchObject({ state: 'in-sync', version: 4, entries: 4 });
    expect(station.sent).toEqual([{ version: 4, full: false, entries: 2 }]);
    expect(station.list.get('A')).toBe('BLOCKED');
    expect(station.list.has('E')).toBe(false);
    station.sent.length = 0;
    await expect(run()).resolves.toMatchObject({ state: 'in-sync', version: 4 });
    expect(station.sent).toEqual([]);
  });

  it('sends the full list to a station whose list version is not the stored one', async () => {
    await run();
    station.version = 0;
    station.list.clear();
    station.sent.length = 0;
    await expect(run()).resolves.toMatchObject({ state: 'in-sync', version: 6 });
    expect(station.sent[0]).toEqual({ version: 4, full: true, entries: 2 });
    expect(station.list.size).toBe(5);
  });

  it('answers a VersionMismatch with the full list', async () => {
    await run();
    // The station moved on without the CSMS knowing, yet reports the stored version.
    const realSend = station.send;
    station.send = async (body) => (body?.case === 'getLocalListVersion' ? { status: 'accepted', result: { version: 3 } } : realSend(body));
    station.version = 9;
    lists.tokens = [...lists.tokens, token('F')];
    station.sent.length = 0;
    const report = await run();
    expect(report.sent.map((sent) => [sent.updateType, sent.status])).toEqual([
      ['differential', 'VersionMismatch'],
      ['full', 'Accepted'],
      ['differential', 'Accepted'],
      ['differential', 'Accepted'],
    ]);
    expect(report).toMatchObject({ state: 'in-sync' });
    expect(report.error).toBeUndefined();
    expect(lists.row).toMatchObject({ outcome: 'in-sync', last_error: null });
    expect(station.list.size).toBe(6);
  });

  it('records a Failed answer with its reason, keeping the last accepted version', async () => {
    await run();
    lists.tokens = [token('Z')];
    station.answer = 'Failed';
    const report = await run();
    expect(report).toMatchObject({ state: 'failed', version: 3, error: 'SendLocalList version 4: answered Failed' });
    expect(lists.row).toMatchObject({ version: 3, outcome: 'failed', last_error: 'SendLocalList version 4: answered Failed' });
  });

  it('records a station without local lists as not supported', async () => {
    station.send = async () => ({ status: 'call-error', errorCode: 'NotImplemented', errorDescription: 'no' });
    await expect(run()).resolves.toMatchObject({ state: 'not-supported' });
    expect(lists.row?.outcome).toBe('not-supported');
  });

  it('does not start while another synchronisation of the station holds its lease', async () => {
    lists.leased = true;
    await expect(run()).resolves.toMatchObject({ state: 'busy' });
    expect(station.sent).toEqual([]);
  });
});
