import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';

/** Three entries per SendLocalList: a list of 7 or 8 tokens takes three messages. */
const ITEMS_PER_MESSAGE = 3;
const LONG_TOKEN = 'LONG-TOKEN-FOR-2.0.1-ONLY';

type Registered = Record<string, string>;

/**
 * Local authorization lists on both versions, with the simulator's stations and the connection
 * service as a process (real Kafka and PostgreSQL): a push through REST leaves each station holding
 * exactly the list the id-token store gives, in messages within its limits; a token change is sent
 * as a differential update; a station whose list was lost while disconnected gets the full list
 * again when it reconnects (GetLocalListVersion reconciliation).
 */
describe('local authorization lists', () => {
  const prefix = uniqueTopicPrefix('locallist');
  const api = new OperatorApiClient();
  const stations = new Map<string, SimulatedStation>();
  const registered: Registered = {};
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsPort: number;

  const call = (method: string, route: string, as: Role | 'nobody', body?: unknown) => api.call(connection.baseUrl, method, route, as, body);
  const stateOf = async (stationId: string) => (await call('GET', `/api/stations/${stationId}/local-list`, 'viewer')).body;
  const station = (stationId: string) => {
    const found = stations.get(stationId);
    if (found === undefined) throw new Error(`no station ${stationId}`);
    return found;
  };

  /** What the station should hold: every registered token its version can carry, status as on a list. */
  const expectedList = (stationId: string) =>
    Object.entries(registered)
      .filter(([token]) => station(stationId).version === '2.0.1' || token.length <= 20)
      .map(([idToken, status]) => ({ idToken, status: status === 'Accepted' ? 'Accepted' : 'Blocked' }))
      .sort((a, b) => (a.idToken.toLowerCase() < b.idToken.toLowerCase() ? -1 : 1));

  const putToken = async (value: string, status: string) => {
    expect((await call('PUT', `/api/id-tokens/${value}`, 'operator', { status })).status).toBeLessThan(300);
    registered[value] = status;
  };

  const syncStateBecomes = (stationId: string, wanted: string, more: (state: Json) => boolean = () => true) =>
    eventually(
      `${stationId}'s local list ${wanted}`,
      async () => {
        const state = await stateOf(stationId);
        return state.syncState === wanted && more(state) ? state : undefined;
      },
      60_000,
      [connection],
    );

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-local-lists-'));
    database = await createTestDatabase('local_lists');
    const [httpPort, ws] = await Promise.all([freePort(), freePort()]);
    wsPort = ws;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_COMMAND_PARTITIONS: '1',
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        API_TOKENS_FILE: api.writeTokenFile(dir),
        LOG_LEVEL: 'warn',
      },
      httpPort,
    );
    await waitUntilReady(connection);
    await putToken('TAG-A', 'Accepted');
    for (const [id, version] of [
      ['LL-16', '1.6'],
      ['LL-201', '2.0.1'],
    ] as const) {
      const simulated = await connectStation(id, version, { itemsPerMessage: ITEMS_PER_MESSAGE });
      // The reconciliation after the first boot gives the station the list it lacks: one token, version 1.
      await syncStateBecomes(id, 'in-sync', (state) => state.version === 1);
      expect(simulated.localList.entries()).toEqual([{ idToken: 'TAG-A', status: 'Accepted' }]);
    }
  });

  const connectStation = async (id: string, version: '1.6' | '2.0.1', localList: { itemsPerMessage?: number; maxEntries?: number }) => {
    const simulated = new SimulatedStation({ id, version, connection: { url: `ws://127.0.0.1:${wsPort}/ocpp`, securityProfile: 0 }, localList });
    stations.set(id, simulated);
    await simulated.connect();
    await simulated.boot();
    return simulated;
  };

  afterAll(async () => {
    await Promise.all([...stations.values()].map((simulated) => simulated.dispose()));
    await connection?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('marks lists pending when tokens are registered, and pushes the difference in messages within the station’s limits', async () => {
    for (const value of ['TAG-B', 'TAG-C', 'TAG-D', 'TAG-E']) await putToken(value, 'Accepted');
    await putToken('TAG-BLOCKED', 'Blocked');
    await putToken('TAG-NOCREDIT', 'NoCredit');
    await putToken(LONG_TOKEN, 'Accepted');
    expect(await stateOf('LL-16')).toMatchObject({ syncState: 'pending', version: 1, entries: 1, desiredEntries: 7 });
    expect(await stateOf('LL-201')).toMatchObject({ syncState: 'pending', version: 1, entries: 1, desiredEntries: 8 });

    expect((await call('POST', '/api/stations/LL-16/local-list/push', 'viewer', {})).status).toBe(403);
    expect((await call('POST', '/api/stations/LL-16/local-list/push', 'operator', { full: 'yes' })).status).toBe(400);
    expect((await call('POST', '/api/stations/NOBODY/local-list/push', 'operator', {})).status).toBe(404);
    // 1.6 gets 6 new tokens (the long one is no 1.6 idTag), 2.0.1 gets 7: three per message.
    for (const [stationId, sizes] of [
      ['LL-16', [3, 3]],
      ['LL-201', [3, 3, 1]],
    ] as const) {
      const pushed = await call('POST', `/api/stations/${stationId}/local-list/push`, 'operator', {});
      const version = 1 + sizes.length;
      expect(pushed).toMatchObject({ status: 200, body: { stationId, state: 'in-sync', version, entries: expectedList(stationId).length } });
      expect(pushed.body.sent).toEqual(sizes.map((entries, index) => ({ version: index + 2, updateType: 'differential', entries, status: 'Accepted' })));
      expect(station(stationId).localList.entries()).toEqual(expectedList(stationId));
      expect(station(stationId).localList.version).toBe(version);
      const state = await stateOf(stationId);
      expect(state).toMatchObject({ syncState: 'in-sync', version, lastError: null });
      expect((state.items as Json[] | undefined)?.map((item) => item.idToken)).toEqual(expectedList(stationId).map((item) => item.idToken));
    }
  });

  it('pushes the whole list when asked, a Full message first', async () => {
    const pushed = await call('POST', '/api/local-lists/push', 'operator', { stationIds: ['LL-201'], full: true });
    expect(pushed.body.items?.[0]?.sent).toEqual([
      { version: 5, updateType: 'full', entries: 3, status: 'Accepted' },
      { version: 6, updateType: 'differential', entries: 3, status: 'Accepted' },
      { version: 7, updateType: 'differential', entries: 2, status: 'Accepted' },
    ]);
    expect(station('LL-201').localList.entries()).toEqual(expectedList('LL-201'));
  });

  it('sends a token change to the out-of-sync stations as one differential update', async () => {
    const before = { 'LL-16': 3, 'LL-201': 7 };
    await putToken('TAG-A', 'Blocked');
    expect((await call('DELETE', '/api/id-tokens/TAG-B', 'operator')).status).toBe(204);
    delete registered['TAG-B'];
    await putToken('TAG-F', 'Accepted');
    expect(await stateOf('LL-16')).toMatchObject({ syncState: 'pending', version: 3 });

    expect((await call('POST', '/api/local-lists/push', 'operator', { stationIds: ['LL-16'], select: 'out-of-sync' })).status).toBe(400);
    const pushed = await call('POST', '/api/local-lists/push', 'operator', { select: 'out-of-sync' });
    expect(pushed.status).toBe(200);
    expect(pushed.body.items).toEqual(
      (['LL-16', 'LL-201'] as const).map((stationId) =>
        expect.objectContaining({
          stationId,
          state: 'in-sync',
          version: before[stationId] + 1,
          sent: [{ version: before[stationId] + 1, updateType: 'differential', entries: 3, status: 'Accepted' }],
        }),
      ),
    );
    for (const stationId of ['LL-16', 'LL-201']) {
      expect(station(stationId).localList.entries()).toEqual(expectedList(stationId));
      expect(await stateOf(stationId)).toMatchObject({ syncState: 'in-sync' });
    }
    const listed = await call('GET', '/api/local-lists?stationId=LL-16&stationId=LL-201', 'viewer');
    expect(listed.body.items?.map((item) => [item.stationId, item.syncState, item.version])).toEqual([
      ['LL-16', 'in-sync', 4],
      ['LL-201', 'in-sync', 8],
    ]);
  });

  it('turns a list changed by a raw send-local-list pending, and answers with the full list at the next push', async () => {
    const raw = await call('POST', '/api/stations/LL-16/commands/send-local-list', 'operator', {
      version: 50,
      updateType: 'differential',
      entries: [{ idToken: 'RAW-1', status: 'Accepted' }],
    });
    expect(raw).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect(station('LL-16').localList.get('RAW-1')).toBeDefined();
    await syncStateBecomes('LL-16', 'pending', (state) => state.version === null);
    const pushed = await call('POST', '/api/stations/LL-16/local-list/push', 'operator', {});
    expect(pushed.body.sent).toEqual([
      { version: 51, updateType: 'full', entries: 3, status: 'Accepted' },
      { version: 52, updateType: 'differential', entries: 3, status: 'Accepted' },
      { version: 53, updateType: 'differential', entries: 1, status: 'Accepted' },
    ]);
    expect(station('LL-16').localList.entries()).toEqual(expectedList('LL-16'));
    expect(await stateOf('LL-16')).toMatchObject({ syncState: 'in-sync', version: 53 });
  });

  it.each([
    ['LL-16', 53],
    ['LL-201', 8],
  ])('sends the full list again to %s after it lost its list while disconnected', async (stationId, stored) => {
    const simulated = station(stationId);
    await simulated.disconnect();
    simulated.localList.clear();
    await simulated.connect();
    await simulated.boot();
    // A Full update and Differential ones, numbered above the stored version.
    const chunks = Math.ceil(expectedList(stationId).length / ITEMS_PER_MESSAGE);
    const state = await syncStateBecomes(stationId, 'in-sync', (current) => current.version === stored + chunks);
    expect(simulated.localList.version).toBe(stored + chunks);
    expect(simulated.localList.entries()).toEqual(expectedList(stationId));
    expect(state.entries).toBe(expectedList(stationId).length);
    // The reconciliation's Full update, in the command history (written in the background).
    const full = await eventually(
      `the full list sent to ${stationId} after it reconnected`,
      async () => {
        const history = await call('GET', `/api/commands?stationId=${stationId}`, 'viewer');
        return history.body.items?.find((item) => {
          const request = (item.request ?? {}) as Json;
          return item.action === 'SendLocalList' && request.updateType === 'Full' && (request.listVersion ?? request.versionNumber) === stored + 1;
        });
      },
      30_000,
      [connection],
    );
    expect(full).toMatchObject({ originService: 'connection', actor: null, status: 'accepted' });
  });

  it.each([
    ['LL-SMALL-16', '1.6', 'the list has 7 entries; the station holds at most 2'],
    ['LL-SMALL-201', '2.0.1', 'SendLocalList version 1: answered Failed'],
  ] as const)('records why the list does not fit %s, and leaves its list alone', async (stationId, version, reason) => {
    // 1.6 tells its LocalAuthListMaxLength, checked before sending; 2.0.1 cannot tell it, so the station answers Failed.
    const simulated = await connectStation(stationId, version, { maxEntries: 2 });
    const state = await syncStateBecomes(stationId, 'failed');
    expect(state).toMatchObject({ version: null, entries: 0, lastError: reason });
    expect([simulated.localList.version, simulated.localList.size]).toEqual([0, 0]);
  });
});
