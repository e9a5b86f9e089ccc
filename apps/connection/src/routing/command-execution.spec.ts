import { EventEmitter } from 'node:events';
import pino from 'pino';
import type { WebSocket } from 'ws';
import { commandWith } from '../commands/mapping/station-command.fixtures';
import { StationConnection } from '../gateway/station-connection';
import { executeOnStation } from './command-execution';

/** The socket side of a station: records the frames the CSMS sends, lets the spec answer them. */
class FakeStationSocket extends EventEmitter {
  readonly sent: unknown[][] = [];

  send(text: string): void {
    this.sent.push(JSON.parse(text) as unknown[]);
  }

  answer(messageId: unknown, payload: object): void {
    this.emit('message', Buffer.from(JSON.stringify([3, messageId, payload])), false);
  }

  ping(): void {}
  close(): void {}
  terminate(): void {}
}

function connectedStation() {
  const socket = new FakeStationSocket();
  const connection = new StationConnection('CP-1', 'ocpp2.0.1', 1, socket as unknown as WebSocket, {
    callTimeoutMs: 30_000,
    onFrame: () => undefined,
    handleCall: () => Promise.resolve({}),
    logger: pino({ level: 'silent' }),
    onClose: () => undefined,
  });
  return { socket, connection };
}

const reset = commandWith({ case: 'reset', value: { hard: true, evseId: 0 } });
const unlock = commandWith({ case: 'unlockConnector', value: { evseId: 1, connectorId: 1 } });

describe('executeOnStation', () => {
  it('times out a command the station does not answer before the deadline', async () => {
    const { socket, connection } = connectedStation();
    const { outcome, call } = await executeOnStation(reset, connection, Date.now() + 20);
    expect(outcome).toMatchObject({ status: 'timeout' });
    expect(call).toEqual({ action: 'Reset', payload: { type: 'Immediate' } });
    expect(socket.sent.map((frame) => frame[2])).toEqual(['Reset']);
  });

  it('never sends a command whose deadline passed while it waited behind another CALL', async () => {
    const { socket, connection } = connectedStation();
    const first = executeOnStation(reset, connection, Date.now() + 60_000);
    const second = await executeOnStation(unlock, connection, Date.now() + 20);
    expect(second.outcome).toMatchObject({ status: 'timeout' });

    socket.answer(socket.sent[0]?.[1], { status: 'Accepted' });
    expect((await first).outcome).toMatchObject({ status: 'accepted' });
    expect(socket.sent.map((frame) => frame[2])).toEqual(['Reset']);
  });

  it('maps the station’s answer', async () => {
    const { socket, connection } = connectedStation();
    const execution = executeOnStation(reset, connection, Date.now() + 60_000);
    socket.answer(socket.sent[0]?.[1], { status: 'Rejected' });
    expect((await execution).outcome).toMatchObject({ status: 'rejected', result: expect.objectContaining({ status: 'Rejected' }) });
  });

  it('passes on what the answer revealed about the station, as an event body', async () => {
    const { socket, connection } = connectedStation();
    const capabilities = commandWith({ case: 'getChargingCapabilities', value: {} });
    const execution = executeOnStation(capabilities, connection, Date.now() + 60_000);
    const ask = socket.sent[0];
    expect(ask?.[2]).toBe('GetVariables');
    socket.answer(ask?.[1], {
      getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: '5', component: { name: 'SmartChargingCtrlr' }, variable: { name: 'ProfileStackLevel' } }],
    });
    const { outcome, event } = await execution;
    expect(outcome).toMatchObject({ status: 'accepted', result: { capabilities: { maxStackLevel: 5 } } });
    expect(event).toMatchObject({ case: 'chargingCapabilities', value: { maxStackLevel: 5 } });
  });

  it('answers not-connected for a station this replica does not hold, without a call', async () => {
    expect(await executeOnStation(reset, undefined, Date.now() + 60_000)).toEqual({
      outcome: { status: 'not-connected', errorDescription: 'station CP-1 is not connected to this replica' },
    });
  });
});
