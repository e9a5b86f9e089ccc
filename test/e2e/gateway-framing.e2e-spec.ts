import { type OcppVersion, actionsOf, initiatorOf } from '@app/ocpp';
import { breakOccurrence, buildExample, loadSchema } from '@app/ocpp/testing';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { closed, connectStation, exchange } from '@test/support/ws-station';
import type WebSocket from 'ws';

const MAX_FRAME_BYTES = 65_536;

const versions: { version: OcppVersion; subprotocol: string; codes: Record<string, string> }[] = [
  {
    version: '1.6',
    subprotocol: 'ocpp1.6',
    codes: {
      unreadable: 'FormationViolation',
      unknownType: 'FormationViolation',
      payloadNotObject: 'FormationViolation',
      occurrence: 'OccurenceConstraintViolation',
      type: 'TypeConstraintViolation',
      property: 'PropertyConstraintViolation',
    },
  },
  {
    version: '2.0.1',
    subprotocol: 'ocpp2.0.1',
    codes: {
      unreadable: 'RpcFrameworkError',
      unknownType: 'MessageTypeNotSupported',
      payloadNotObject: 'FormatViolation',
      occurrence: 'OccurrenceConstraintViolation',
      type: 'TypeConstraintViolation',
      property: 'PropertyConstraintViolation',
    },
  },
];

/** Payloads per version for the schema cases: a valid BootNotification and StatusNotification to break. */
const boot: Record<OcppVersion, Record<string, unknown>> = {
  '1.6': { chargePointVendor: 'Vendor', chargePointModel: 'Model' },
  '2.0.1': { reason: 'PowerUp', chargingStation: { vendorName: 'Vendor', model: 'Model' } },
};

function schemaCases(version: OcppVersion): [string, string, string][] {
  if (version === '1.6') {
    return [
      ['missing required field', JSON.stringify([2, 'm-req', 'BootNotification', { chargePointVendor: 'Vendor' }]), 'occurrence'],
      ['wrong type', JSON.stringify([2, 'm-type', 'StatusNotification', { connectorId: '1', errorCode: 'NoError', status: 'Available' }]), 'type'],
      ['too-long string', JSON.stringify([2, 'm-long', 'BootNotification', { ...boot['1.6'], chargePointVendor: 'V'.repeat(21) }]), 'property'],
      ['bad enum', JSON.stringify([2, 'm-enum', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Sleeping' }]), 'property'],
      ['unknown property', JSON.stringify([2, 'm-extra', 'Heartbeat', { extra: true }]), 'occurrence'],
    ];
  }
  return [
    ['missing required field', JSON.stringify([2, 'm-req', 'BootNotification', { chargingStation: { vendorName: 'V', model: 'M' } }]), 'occurrence'],
    ['wrong type', JSON.stringify([2, 'm-type', 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'V', model: 5 } }]), 'type'],
    ['too-long string', JSON.stringify([2, 'm-long', 'BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'V', model: 'M'.repeat(21) } }]), 'property'],
    ['bad enum', JSON.stringify([2, 'm-enum', 'BootNotification', { ...boot['2.0.1'], reason: 'Bored' }]), 'property'],
    ['unknown property', JSON.stringify([2, 'm-extra', 'Heartbeat', { extra: true }]), 'occurrence'],
  ];
}

/**
 * Malformed input at a real socket: each frame gets the CALLERROR its version's
 * OCPP-J specification names, and the connection stays usable afterwards.
 */
describe('OCPP gateway: malformed input at the socket', () => {
  let database: TestDatabase;
  let connection: ServiceProcess;
  let wsUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('gateway_framing');
    const [httpPort, wsPort] = await Promise.all([freePort(), freePort()]);
    wsUrl = `ws://127.0.0.1:${wsPort}/ocpp`;
    connection = startService(
      'connection',
      {
        KAFKA_BROKERS: testBrokers(),
        KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('gwframe'),
        DATABASE_URL: database.url,
        OCPP_WS_PORT: String(wsPort),
        OCPP_UNKNOWN_STATIONS: 'accept',
        OCPP_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES),
        OCPP_PING_INTERVAL_SECONDS: '1',
      },
      httpPort,
    );
    await waitUntilReady(connection);
  });

  afterAll(async () => {
    await connection?.stop('SIGKILL');
    await database?.drop();
  });

  it('drops a station that stops answering pings', async () => {
    const outcome = await connectStation(`${wsUrl}/SILENT`, ['ocpp2.0.1'], { autoPong: false });
    if (!outcome.open) throw new Error(`refused: ${outcome.status}`);
    const started = Date.now();
    // A terminated socket never sends a close frame: the client sees 1006.
    expect((await closed(outcome.socket)).code).toBe(1006);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  describe.each(versions)('OCPP $version', ({ version, subprotocol, codes }) => {
    let socket: WebSocket;

    beforeAll(async () => {
      const outcome = await connectStation(`${wsUrl}/FRAMING-${version.replace(/\./g, '')}`, [subprotocol]);
      if (!outcome.open) throw new Error(`refused: ${outcome.status}`);
      socket = outcome.socket;
    });

    afterAll(() => socket?.close());

    async function expectUsable() {
      expect(await exchange(socket, JSON.stringify([2, 'alive', 'Heartbeat', {}]))).toEqual([3, 'alive', { currentTime: expect.any(String) }]);
    }

    it.each([
      ['invalid JSON', '[2, "j1", "Heartbeat", {', '-1', 'unreadable'],
      ['not an array', '{"messageTypeId": 2}', '-1', 'unreadable'],
      ['an empty array', '[]', '-1', 'unreadable'],
      ['a message id that is not a string', '[2, 17, "Heartbeat", {}]', '-1', 'unreadable'],
      ['a message id longer than 36 characters', JSON.stringify([2, 'x'.repeat(37), 'Heartbeat', {}]), '-1', 'unreadable'],
      ['an unknown message type', '[7, "t1", "Heartbeat", {}]', 't1', 'unknownType'],
      ['a payload that is not an object', '[2, "p1", "Heartbeat", []]', 'p1', 'payloadNotObject'],
    ])('answers %s with the framing error and stays usable', async (_case, text, messageId, codeName) => {
      const answer = await exchange(socket, text);
      expect(answer).toEqual([4, messageId, codes[codeName], expect.any(String), expect.any(Object)]);
      await expectUsable();
    });

    it('answers an unknown action with NotImplemented', async () => {
      expect(await exchange(socket, '[2, "a1", "MakeCoffee", {}]')).toEqual([4, 'a1', 'NotImplemented', expect.any(String), expect.any(Object)]);
      await expectUsable();
    });

    it('answers an action only the CSMS may send with NotSupported', async () => {
      const reset = version === '1.6' ? { type: 'Hard' } : { type: 'Immediate' };
      expect(await exchange(socket, JSON.stringify([2, 'r1', 'Reset', reset]))).toEqual([4, 'r1', 'NotSupported', expect.any(String), expect.any(Object)]);
      await expectUsable();
    });

    it.each(schemaCases(version))('answers a %s with the right constraint code, naming the field', async (_case, text, codeName) => {
      const [, messageId] = JSON.parse(text) as [number, string];
      const answer = await exchange(socket, text);
      expect(answer).toEqual([4, messageId, codes[codeName], expect.stringMatching(/^\//), expect.any(Object)]);
      await expectUsable();
    });

    it('wires the schema of every action a station may send: a valid example is not a validation error, a mutated one is', async () => {
      const fromStation = actionsOf(version).filter((action) => initiatorOf(version, action) !== 'csms');
      expect(fromStation.length).toBeGreaterThan(10);
      for (const [index, action] of fromStation.entries()) {
        const schema = loadSchema(version, action, 'request');
        const example = buildExample(schema);
        const valid = await exchange(socket, JSON.stringify([2, `ok-${index}`, action, example]));
        if (valid[0] === 4) expect([action, valid[2]]).toEqual([action, 'NotSupported']);
        else expect(valid.slice(0, 2)).toEqual([3, `ok-${index}`]);
        const broken = breakOccurrence(schema, example);
        const invalid = await exchange(socket, JSON.stringify([2, `bad-${index}`, action, broken.payload]));
        expect([action, invalid[0], invalid[2], invalid[3]]).toEqual([action, 4, codes.occurrence, expect.any(String)]);
      }
      await expectUsable();
    });

    it('closes the connection with 1009 on a frame above the size limit', async () => {
      const oversized = JSON.stringify([2, 'big', 'DataTransfer', { vendorId: 'v', data: 'x'.repeat(MAX_FRAME_BYTES) }]);
      const whenClosed = closed(socket);
      socket.send(oversized);
      expect((await whenClosed).code).toBe(1009);
    });
  });

  it('counts connections and frames in its metrics (after the exchanges above)', async () => {
    const metrics = await (await fetch(`${connection.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/csms_ocpp_frames_received_total\{protocol="ocpp(1\.6|2\.0\.1)"\} \d+/);
  });
});
