import { EventEmitter } from 'node:events';
import type { RuntimeConfig } from '@app/config';
import type { EnvelopePublisher } from '@app/messaging';
import pino from 'pino';
import type { WebSocket } from 'ws';
import type { CommandLogRecorder } from '../command-log/command-log.recorder';
import type { CommandMetrics } from '../command-log/command.metrics';
import { commandWith } from '../commands/mapping/station-command.fixtures';
import { StationConnection } from '../gateway/station-connection';
import { StationConnections } from '../gateway/station-connections';
import type { StationEventEmitter } from '../station-events/station-event.emitter';
import type { StationRegistrations } from '../stations/station-registrations';
import { CommandExecutor } from './command.executor';
import { CommandResultObservers } from './command-result.observers';

/** A 1.6 station's socket that answers every CALL with `answer`. */
class AnsweringSocket extends EventEmitter {
  readonly sent: unknown[][] = [];

  constructor(private readonly answer: object) {
    super();
  }

  send(text: string): void {
    const frame = JSON.parse(text) as unknown[];
    this.sent.push(frame);
    setImmediate(() => this.emit('message', Buffer.from(JSON.stringify([3, frame[1], this.answer])), false));
  }

  ping(): void {}
  close(): void {}
  terminate(): void {}
}

function executorWith(answer: object) {
  const logger = pino({ level: 'silent' });
  const socket = new AnsweringSocket(answer);
  const connections = new StationConnections();
  connections.add(
    new StationConnection('CP-1', 'ocpp1.6', 0, socket as unknown as WebSocket, {
      callTimeoutMs: 30_000,
      onFrame: () => undefined,
      handleCall: async () => ({}),
      logger,
      onClose: () => undefined,
    }),
  );
  const events = { publishInBackground: jest.fn() };
  const history = { record: jest.fn() };
  const observers = new CommandResultObservers(logger);
  const executor = new CommandExecutor(
    {} as EnvelopePublisher,
    connections,
    { expectTriggered: () => undefined } as unknown as StationRegistrations,
    history as unknown as CommandLogRecorder,
    { observe: () => undefined } as unknown as CommandMetrics,
    events as unknown as StationEventEmitter,
    observers,
    { gateway: { replicaIndex: 2 } } as RuntimeConfig,
    logger,
  );
  return { executor, socket, events, history, observers };
}

describe('CommandExecutor', () => {
  it('tells every observer the answer once, and one failing observer does not stop the others', async () => {
    const { executor, observers } = executorWith({ configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '60' }], unknownKey: [] });
    observers.register('failing', () => {
      throw new Error('boom');
    });
    const seen = new Promise<unknown>((resolve) => observers.register('learning', (_command, execution) => resolve(execution)));
    await executor.executeOwn(commandWith({ case: 'getConfiguration', value: { keys: [] } }, { originService: 'connection' }));
    await expect(seen).resolves.toMatchObject({ call: { action: 'GetConfiguration' }, outcome: { status: 'accepted' } });
    expect(() => observers.register('learning', () => undefined)).toThrow(/already registered/);
  });

  it('runs its own command like any other: the answer’s event goes to ocpp.events, the run to the history', async () => {
    const { executor, socket, events, history } = executorWith({ configurationKey: [{ key: 'ChargeProfileMaxStackLevel', readonly: true, value: '3' }] });
    const command = commandWith({ case: 'getChargingCapabilities', value: {} }, { originService: 'connection' });
    const execution = await executor.executeOwn(command);
    expect(socket.sent.map((frame) => frame[2])).toEqual(['GetConfiguration']);
    expect(execution.outcome).toMatchObject({ status: 'accepted', result: { capabilities: { maxStackLevel: 3 } } });
    expect(events.publishInBackground).toHaveBeenCalledWith('CP-1', expect.objectContaining({ case: 'chargingCapabilities' }), expect.anything(), {
      correlationId: command.correlationId,
    });
    expect(history.record).toHaveBeenCalledWith(expect.objectContaining({ command: 'getChargingCapabilities', originService: 'connection', status: 'accepted', replica: 2 }));
  });

  it('publishes no event for an answer that reveals nothing about the station', async () => {
    const { executor, events } = executorWith({ status: 'Accepted' });
    await executor.executeOwn(commandWith({ case: 'clearCache', value: {} }));
    expect(events.publishInBackground).not.toHaveBeenCalled();
  });
});
