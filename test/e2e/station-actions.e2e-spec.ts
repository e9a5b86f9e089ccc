import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { actionsOf, initiatorOf, validateResponse } from '@app/ocpp';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import {
  ACCEPTED_TOKEN,
  type CaseState,
  type RestProbe,
  STATION_16,
  STATION_201,
  type StationActionCase,
  VENDOR_ID,
  stationActionCases,
} from '@test/support/station-action-cases';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation, exchange } from '@test/support/ws-station';
import type WebSocket from 'ws';

const versions = ['1.6', '2.0.1'] as const;

/** Every action a station may send (or both sides may), per version, from the OCA schema catalogue. */
const stationInitiated = (version: (typeof versions)[number]) => actionsOf(version).filter((action) => initiatorOf(version, action) !== 'csms');

const caseName = (entry: StationActionCase) => `${entry.version} ${entry.action}${entry.coveredBy ? '' : ' (effect checked here)'}`;

/**
 * Every CALL a station can send, in both versions, over a real socket: a valid request gets a
 * CALLRESULT that is valid against the action's OCA response schema and says what the case
 * expects (never NotSupported), and its effect shows through REST — here, or in the e2e spec of
 * the service that owns it (docs/ocpp-coverage.md has the whole table).
 */
describe('every station-initiated action gets a real answer', () => {
  const prefix = uniqueTopicPrefix('actions');
  const api = new OperatorApiClient();
  const state: CaseState = {};
  const sockets = new Map<string, WebSocket>();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;

  const call = (method: string, route: string, as: Role, body?: unknown) => api.call(connection.baseUrl, method, route, as, body);

  const rest: RestProbe = {
    async get(route) {
      const answer = await call('GET', route, 'viewer');
      if (answer.status !== 200) throw new Error(`GET ${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    item: (route, matches) =>
      eventually(
        `an item of ${route} that matches`,
        async () => {
          const answer = await call('GET', route, 'viewer');
          return (answer.body.items ?? []).find(matches);
        },
        30_000,
        [connection],
      ),
  };

  let callId = 0;
  async function send(entry: StationActionCase): Promise<unknown[]> {
    const socket = sockets.get(entry.version === '1.6' ? STATION_16 : STATION_201);
    if (!socket) throw new Error(`no ${entry.version} station`);
    return exchange(socket, JSON.stringify([2, `a${++callId}`, entry.action, entry.payload(state)]), 15_000);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-station-actions-'));
    database = await createTestDatabase('station_actions');
    const wsPort = await freePort();
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: prefix,
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'reject',
        OCPP_DATA_TRANSFER_VENDOR_IDS: VENDOR_ID,
        API_TOKENS_FILE: api.writeTokenFile(dir),
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await waitUntilReady(connection);
    for (const stationId of [STATION_16, STATION_201]) expect((await call('PUT', `/api/stations/${stationId}`, 'admin', { securityProfile: 0 })).status).toBe(201);
    expect((await call('PUT', `/api/id-tokens/${ACCEPTED_TOKEN}`, 'operator', { status: 'Accepted' })).status).toBe(201);
    for (const [stationId, protocol] of [
      [STATION_16, 'ocpp1.6'],
      [STATION_201, 'ocpp2.0.1'],
    ] as const) {
      const opened = await connectStation(`${wsUrl}/${stationId}`, [protocol]);
      if (!opened.open) throw new Error(`${stationId} refused with ${opened.status}: ${opened.body}`);
      sockets.set(stationId, opened.socket);
    }
  });

  afterAll(async () => {
    for (const socket of sockets.values()) socket.terminate();
    await connection?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(versions)('has a case for every action a %s station may send', (version) => {
    const covered = new Set(stationActionCases.filter((entry) => entry.version === version).map((entry) => entry.action));
    expect(stationInitiated(version).filter((action) => !covered.has(action))).toEqual([]);
  });

  it.each(stationActionCases.map((entry) => [caseName(entry), entry] as const))('%s', async (_name, entry) => {
    const frame = await send(entry);
    expect(frame).toEqual([3, expect.any(String), expect.any(Object)]);
    const answer = frame[2] as Json;
    expect(validateResponse(entry.version, entry.action, answer)).toEqual({ ok: true });
    if (entry.answer) expect(answer).toMatchObject(entry.answer);
    entry.remember?.(answer, state);
    if (entry.effect) await entry.effect(rest, state);
    if (entry.coveredBy) {
      // The spec named drives the action through the service that owns its effect.
      const spec = path.join(__dirname, entry.coveredBy.spec);
      expect(existsSync(spec)).toBe(true);
      expect(readFileSync(spec, 'utf8')).toContain(entry.coveredBy.mentions ?? entry.action);
    }
    expect(entry.effect ?? entry.coveredBy ?? entry.answer).toBeDefined();
  });
});
