import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateResponse } from '@app/ocpp';
import { SimulatedStation } from '@app/simulator';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type Json, OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { connectStation } from '@test/support/ws-station';
import type WebSocket from 'ws';

type Frame = [number, string, ...unknown[]];

/**
 * A bare 2.0.1 station on a socket: sends CALLs and awaits their answers by message id; answers
 * the CSMS's CALLs it was told to expect, and any other with NotImplemented (the capabilities
 * question after boot), so that the CSMS's outgoing queue never waits on it.
 */
class RawStation {
  private readonly expected = new Map<string, (frame: Frame) => void>();
  private readonly pending = new Map<string, (frame: Frame) => void>();
  private sequence = 0;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString()) as Frame;
      if (frame[0] !== 2) {
        this.pending.get(frame[1])?.(frame);
        this.pending.delete(frame[1]);
        return;
      }
      const waiter = this.expected.get(String(frame[2]));
      if (waiter === undefined) {
        socket.send(JSON.stringify([4, frame[1], 'NotImplemented', 'this test station answers no such call', {}]));
        return;
      }
      this.expected.delete(String(frame[2]));
      waiter(frame);
    });
  }

  /** The next CALL of `action` the CSMS sends; answer it with `answer`. */
  expectCall(action: string): Promise<Frame> {
    return new Promise((resolve) => this.expected.set(action, resolve));
  }

  answer(frame: Frame, payload: object): void {
    this.socket.send(JSON.stringify([3, frame[1], payload]));
  }

  /** Sends a CALL; resolves with the CSMS's answer frame. */
  call(action: string, payload: object): Promise<Frame> {
    const id = `raw-${++this.sequence}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${action}`)), 15_000);
      this.pending.set(id, (frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
      this.socket.send(JSON.stringify([2, id, action, payload]));
    });
  }

  /** Sends a CALL and checks that the answer is a CALLRESULT valid against the action's OCA response schema. */
  async callExpectingResult(action: string, payload: object): Promise<Record<string, unknown>> {
    const frame = await this.call(action, payload);
    expect(frame[0]).toBe(3);
    const result = frame[2] as Record<string, unknown>;
    expect(validateResponse('2.0.1', action, result)).toEqual({ ok: true });
    return result;
  }
}

const CHECKSUM = '0123456789abcdef0123456789abcdef';

/**
 * Display messages, customer information, firmware publishing and EV charging schedules (issue
 * 11): the station-initiated messages over a bare socket, each answered with a schema-valid
 * CALLRESULT whose effect shows in REST; and the operator's requests end to end with simulated
 * 2.0.1 and 1.6 stations. One connection service on real Kafka and PostgreSQL.
 */
describe('display messages, customer information and firmware publishing', () => {
  const prefix = uniqueTopicPrefix('display');
  const api = new OperatorApiClient();
  let dir: string;
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsPort: number;
  let raw: RawStation;
  const simulated: SimulatedStation[] = [];

  const call = (method: string, route: string, as: Role | 'nobody', body?: unknown) => api.call(connection.baseUrl, method, route, as, body);
  const until = <T>(what: string, probe: () => Promise<T | undefined>) => eventually(what, probe, 30_000, [connection]);

  async function simulatedStation(id: string, version: '1.6' | '2.0.1'): Promise<SimulatedStation> {
    const station = new SimulatedStation({ id, version, connection: { url: `ws://127.0.0.1:${wsPort}/ocpp`, securityProfile: 0 } });
    simulated.push(station);
    await station.connect();
    await station.boot();
    // Commands reach a station once its presence is out: wait until a command to it is answered.
    await until(`${id} reachable`, async () => {
      const answer = await call('POST', `/api/stations/${id}/commands/trigger-message`, 'operator', { message: 'Heartbeat' });
      return answer.status === 200 ? true : undefined;
    });
    return station;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-display-'));
    database = await createTestDatabase('display');
    wsPort = await freePort();
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
      await freePort(),
    );
    await waitUntilReady(connection, 90_000);
    const opened = await connectStation(`ws://127.0.0.1:${wsPort}/ocpp/RAW-201`, ['ocpp2.0.1']);
    if (!opened.open) throw new Error(`RAW-201 refused with ${opened.status}`);
    raw = new RawStation(opened.socket);
    const boot = await raw.callExpectingResult('BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'LC-1' } });
    expect(boot.status).toBe('Accepted');
  }, 120_000);

  afterAll(async () => {
    raw?.socket.close();
    await Promise.all(simulated.map((station) => station.dispose()));
    await connection?.stop('SIGKILL');
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('station-initiated messages over a socket', () => {
    it('stores the messages of a NotifyDisplayMessages and answers {}', async () => {
      const info = { id: 41, priority: 'InFront', state: 'Idle', message: { format: 'UTF8', language: 'en', content: 'Welcome' } };
      expect(await raw.callExpectingResult('NotifyDisplayMessages', { requestId: 9001, messageInfo: [info] })).toEqual({});
      const listed = await call('GET', '/api/stations/RAW-201/display-messages', 'viewer');
      expect(listed).toMatchObject({ status: 200, body: { items: [{ ...info, source: 'reported', updatedAt: expect.any(String) }] } });
    });

    it('assembles NotifyCustomerInformation parts by requestId, in seqNo order, into one document', async () => {
      const asked = raw.expectCall('CustomerInformation');
      const posted = call('POST', '/api/stations/RAW-201/customer-information', 'operator', { report: true, clear: false, customerIdentifier: 'cust-7' });
      const request = await asked;
      const payload = request[3] as { requestId: number; report: boolean; customerIdentifier: string };
      expect(payload).toMatchObject({ report: true, clear: false, customerIdentifier: 'cust-7', requestId: expect.any(Number) });
      raw.answer(request, { status: 'Accepted' });
      expect(await posted).toMatchObject({ status: 200, body: { requestId: payload.requestId, status: 'accepted', stationStatus: 'Accepted' } });

      const part = (seqNo: number, data: string, tbc: boolean) => ({ requestId: payload.requestId, seqNo, data, tbc, generatedAt: `2026-01-01T10:00:0${seqNo}Z` });
      expect(await raw.callExpectingResult('NotifyCustomerInformation', part(1, 'two sessions; ', true))).toEqual({});
      expect(await raw.callExpectingResult('NotifyCustomerInformation', part(0, 'cust-7: ', true))).toEqual({});
      const partial = await call('GET', `/api/stations/RAW-201/customer-information/${payload.requestId}`, 'operator');
      expect(partial.body.document).toMatchObject({ complete: false, data: 'cust-7: two sessions; ', parts: 2, missingSeqNos: [] });
      expect(await raw.callExpectingResult('NotifyCustomerInformation', part(2, 'no cached token', false))).toEqual({});
      const whole = await call('GET', `/api/stations/RAW-201/customer-information/${payload.requestId}`, 'operator');
      expect(whole).toMatchObject({
        status: 200,
        body: {
          requestId: payload.requestId,
          report: true,
          clear: false,
          customer: { customerIdentifier: 'cust-7' },
          document: { complete: true, data: 'cust-7: two sessions; no cached token', parts: 3, missingSeqNos: [], generatedAt: '2026-01-01T10:00:02.000Z' },
        },
      });
      // Personal data: not for viewer tokens; and the command history blanks the identifier.
      expect((await call('GET', `/api/stations/RAW-201/customer-information/${payload.requestId}`, 'viewer')).status).toBe(403);
      const history = await until('the CustomerInformation in the command history', async () => {
        const answer = await call('GET', '/api/commands?stationId=RAW-201', 'viewer');
        return answer.body.items?.find((item) => item.action === 'CustomerInformation');
      });
      expect(JSON.stringify(history)).not.toContain('cust-7');
    });

    it('stores a local controller’s PublishFirmwareStatusNotification per requestId, with the published locations', async () => {
      expect(await raw.callExpectingResult('PublishFirmwareStatusNotification', { status: 'Downloaded', requestId: 77 })).toEqual({});
      expect(await raw.callExpectingResult('PublishFirmwareStatusNotification', { status: 'Published', requestId: 77, location: ['http://lc.local/fw.bin'] })).toEqual({});
      const listed = await call('GET', '/api/stations/RAW-201/published-firmware', 'viewer');
      expect(listed.body.items).toEqual([
        { requestId: 77, location: null, checksum: null, status: 'Published', locations: ['http://lc.local/fw.bin'], requestedAt: null, updatedAt: expect.any(String) },
      ]);
    });

    it('accepts an EV’s NotifyEVChargingSchedule after storing it per EVSE', async () => {
      const chargingSchedule = { id: 3, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }, { startPeriod: 1800, limit: 7400 }] };
      expect(await raw.callExpectingResult('NotifyEVChargingSchedule', { timeBase: '2026-01-01T10:00:00Z', evseId: 1, chargingSchedule })).toEqual({ status: 'Accepted' });
      const listed = await call('GET', '/api/stations/RAW-201/ev-charging-schedules', 'viewer');
      expect(listed).toMatchObject({ status: 200, body: { items: [{ evseId: 1, timeBase: '2026-01-01T10:00:00.000Z', chargingSchedule, receivedAt: expect.any(String) }] } });
    });

    it('refuses what does not match the schema with a precise CALLERROR and stores nothing', async () => {
      const frame = await raw.call('NotifyEVChargingSchedule', { timeBase: '2026-01-01T10:00:00Z', evseId: 2, chargingSchedule: { id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [] } });
      expect(frame[0]).toBe(4);
      expect(frame[2]).toBe('OccurrenceConstraintViolation');
      const listed = await call('GET', '/api/stations/RAW-201/ev-charging-schedules', 'viewer');
      expect(listed.body.items?.map((item) => item.evseId)).toEqual([1]);
    });
  });

  describe('with simulated stations', () => {
    let station: SimulatedStation;

    beforeAll(async () => {
      station = await simulatedStation('DM-201', '2.0.1');
    }, 120_000);

    const messages = () => call('GET', '/api/stations/DM-201/display-messages', 'viewer').then((answer) => answer.body.items ?? []);
    const content = (id: number, text: string, priority = 'NormalCycle') => ({ id, priority, message: { format: 'UTF8', content: text } });

    it('sets, clears and re-reads display messages, the stored list following the station', async () => {
      for (const [id, text] of [
        [1, 'Welcome'],
        [2, 'Card reader out of order'],
        [3, 'Free parking until 18:00'],
      ] as const) {
        const set = await call('POST', '/api/stations/DM-201/display-messages', 'operator', content(id, text));
        expect(set).toMatchObject({ status: 200, body: { status: 'accepted', result: { status: 'Accepted' } } });
      }
      await until('three stored messages', async () => ((await messages()).length === 3 ? true : undefined));
      expect(station.displayMessages.find({}).map((message) => message.message.content)).toEqual(['Welcome', 'Card reader out of order', 'Free parking until 18:00']);

      const refused = await call('POST', '/api/stations/DM-201/display-messages', 'operator', { ...content(4, 'Your session'), transactionId: 'no-such-tx' });
      expect(refused).toMatchObject({ status: 200, body: { status: 'rejected', result: { status: 'UnknownTransaction' } } });

      expect(await call('DELETE', '/api/stations/DM-201/display-messages/2', 'operator')).toMatchObject({ status: 200, body: { status: 'accepted' } });
      await until('message 2 gone', async () => ((await messages()).map((message) => message.id).join() === '1,3' ? true : undefined));
      expect(await call('DELETE', '/api/stations/DM-201/display-messages/2', 'operator')).toMatchObject({ status: 200, body: { status: 'rejected', result: { status: 'Unknown' } } });

      // Meanwhile the station changed by itself: message 1 went, two came. A GetDisplayMessages tells.
      station.displayMessages.clear(1);
      station.displayMessages.set({ id: 5, priority: 'AlwaysFront', message: { format: 'ASCII', content: 'Maintenance at 22:00' } }, () => false);
      station.displayMessages.set({ id: 6, priority: 'InFront', state: 'Charging', message: { format: 'UTF8', language: 'de', content: 'Ladevorgang läuft' } }, () => false);
      const asked = await call('POST', '/api/stations/DM-201/display-messages/requests', 'operator', {});
      expect(asked).toMatchObject({ status: 200, body: { requestId: expect.any(Number), status: 'accepted', stationStatus: 'Accepted' } });
      const request = await until('the report complete', async () => {
        const answer = await call('GET', `/api/stations/DM-201/display-messages/requests/${String(asked.body.requestId)}`, 'viewer');
        return answer.body.status === 'complete' ? answer.body : undefined;
      });
      expect(request).toMatchObject({ criteria: {}, stationStatus: 'Accepted', parts: 2, reportedIds: [3, 5, 6], completedAt: expect.any(String) });
      const stored = await messages();
      expect(stored.map((message) => [message.id, message.source, (message.message as Json).content])).toEqual([
        [3, 'reported', 'Free parking until 18:00'],
        [5, 'reported', 'Maintenance at 22:00'],
        [6, 'reported', 'Ladevorgang läuft'],
      ]);
    });

    it('reads a filtered report, and an answer of Unknown, as the station having none of those messages', async () => {
      station.displayMessages.clear(6);
      const asked = await call('POST', '/api/stations/DM-201/display-messages/requests', 'operator', { priority: 'InFront' });
      expect(asked.body).toMatchObject({ status: 'rejected', stationStatus: 'Unknown' });
      await until('message 6 gone, the others kept', async () => ((await messages()).map((message) => message.id).join() === '3,5' ? true : undefined));
    });

    it('refuses invalid requests precisely, without sending anything', async () => {
      const bad = await call('POST', '/api/stations/DM-201/display-messages', 'operator', { ...content(7, 'x'), priority: 'Urgent' });
      expect(bad).toMatchObject({ status: 400, body: { detail: expect.stringContaining('body.priority') } });
      const backwards = await call('POST', '/api/stations/DM-201/display-messages', 'operator', { ...content(7, 'x'), startDateTime: '2026-02-01T00:00:00Z', endDateTime: '2026-01-01T00:00:00Z' });
      expect(backwards).toMatchObject({ status: 400, body: { detail: expect.stringContaining('body.endDateTime') } });
      expect((await call('POST', '/api/stations/DM-201/display-messages', 'viewer', content(7, 'x'))).status).toBe(403);
      expect((await call('GET', '/api/stations/NOBODY/display-messages', 'viewer')).status).toBe(404);
      expect(station.displayMessages.find({ ids: [7] })).toEqual([]);
    });

    it('answers a display-message request to a 1.6 station with a precise 422', async () => {
      await simulatedStation('DM-16', '1.6');
      const refused = await call('POST', '/api/stations/DM-16/display-messages', 'operator', content(1, 'Hello'));
      expect(refused).toMatchObject({ status: 422, body: { detail: 'display messages: OCPP 2.0.1 only; station DM-16 is connected over OCPP 1.6' } });
      const asked = await call('POST', '/api/stations/DM-16/customer-information', 'operator', { report: true, clear: false, customerIdentifier: 'c' });
      expect(asked.status).toBe(422);
    });

    it('requests, assembles and clears customer information', async () => {
      const token = { idToken: 'AB12CD34', type: 'ISO14443' as const };
      const held = Array.from({ length: 30 }, (_, index) => `session ${index + 1}: 2026-01-${String(index + 1).padStart(2, '0')}, 12.5 kWh, EVSE 1; `).join('');
      station.customerData.hold({ idToken: token }, held);
      const asked = await call('POST', '/api/stations/DM-201/customer-information', 'operator', { report: true, clear: false, idToken: token });
      expect(asked).toMatchObject({ status: 200, body: { status: 'accepted', stationStatus: 'Accepted' } });
      const report = await until('the report assembled', async () => {
        const answer = await call('GET', `/api/stations/DM-201/customer-information/${String(asked.body.requestId)}`, 'operator');
        return (answer.body.document as Json | undefined)?.complete === true ? answer.body : undefined;
      });
      expect(report).toMatchObject({ status: 'accepted', customer: { idToken: token }, document: { complete: true, parts: Math.ceil(held.length / 512), data: held } });

      const cleared = await call('POST', '/api/stations/DM-201/customer-information', 'operator', { report: false, clear: true, idToken: token });
      expect(cleared.body).toMatchObject({ status: 'accepted' });
      const after = await call('POST', '/api/stations/DM-201/customer-information', 'operator', { report: true, clear: false, idToken: token });
      const empty = await until('the report after clearing', async () => {
        const answer = await call('GET', `/api/stations/DM-201/customer-information/${String(after.body.requestId)}`, 'operator');
        return (answer.body.document as Json | undefined)?.complete === true ? answer.body : undefined;
      });
      expect(empty.document).toMatchObject({ data: 'No data held about this customer.', parts: 1 });

      const twoNames = await call('POST', '/api/stations/DM-201/customer-information', 'operator', { report: true, clear: false, idToken: token, customerIdentifier: 'x' });
      expect(twoNames).toMatchObject({ status: 400, body: { detail: expect.stringContaining('exactly one') } });
      expect((await call('GET', '/api/stations/DM-201/customer-information/999999', 'operator')).status).toBe(404);
    });

    it('publishes firmware on a local controller and follows it to Published, then unpublishes it', async () => {
      expect((await call('POST', '/api/stations/DM-201/published-firmware', 'operator', { location: 'https://fw.example/v2.bin', checksum: CHECKSUM })).status).toBe(403);
      const published = await call('POST', '/api/stations/DM-201/published-firmware', 'admin', { location: 'https://fw.example/v2.bin', checksum: CHECKSUM });
      expect(published).toMatchObject({ status: 200, body: { requestId: expect.any(Number), status: 'accepted' } });
      const publication = await until('the firmware published', async () => {
        const answer = await call('GET', '/api/stations/DM-201/published-firmware', 'viewer');
        return answer.body.items?.find((item) => item.requestId === published.body.requestId && item.status === 'Published');
      });
      expect(publication).toMatchObject({ location: 'https://fw.example/v2.bin', checksum: CHECKSUM, locations: [`http://dm-201.local/firmware/${CHECKSUM}/v2.bin`] });

      expect(await call('DELETE', `/api/stations/DM-201/published-firmware/${CHECKSUM}`, 'admin')).toMatchObject({ status: 200, body: { status: 'accepted', result: { status: 'Unpublished' } } });
      await until('the publication withdrawn', async () => {
        const answer = await call('GET', '/api/stations/DM-201/published-firmware', 'viewer');
        return answer.body.items?.find((item) => item.requestId === published.body.requestId)?.status === 'Unpublished' ? true : undefined;
      });
      expect(await call('DELETE', `/api/stations/DM-201/published-firmware/${CHECKSUM}`, 'admin')).toMatchObject({ status: 200, body: { status: 'rejected', result: { status: 'NoFirmware' } } });
      expect((await call('DELETE', '/api/stations/DM-201/published-firmware/not-md5', 'admin')).status).toBe(400);
    });
  });
});
