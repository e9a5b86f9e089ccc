import { EventEmitter } from 'node:events';
import type { RuntimeConfig } from '@app/config';
import type { StationCommand } from '@app/contracts';
import pino from 'pino';
import type { WebSocket } from 'ws';
import type { CallContext } from '../gateway/call-handler.registry';
import { StationConnection } from '../gateway/station-connection';
import { StationConnections } from '../gateway/station-connections';
import { type Execution, executeOnStation } from '../routing/command-execution';
import type { CommandExecutor } from '../routing/command.executor';
import { CONNECTION_ORIGIN, ChargingCapabilitiesDiscovery } from './charging-capabilities.discovery';

/** A station's socket: records what the CSMS sends. */
class FakeStationSocket extends EventEmitter {
  readonly sent: unknown[][] = [];

  send(text: string): void {
    this.sent.push(JSON.parse(text) as unknown[]);
  }

  receive(frame: unknown[]): void {
    this.emit('message', Buffer.from(JSON.stringify(frame)), false);
  }

  ping(): void {}
  close(): void {}
  terminate(): void {}
}

const logger = pino({ level: 'silent' });
const context: CallContext = { stationId: 'CP-1', protocol: 'ocpp1.6', securityProfile: 0, logger };
const config = (enabled: boolean) => ({ stationCore: { chargingCapabilitiesAfterBoot: enabled }, gateway: { callTimeoutMs: 30_000 } }) as RuntimeConfig;

/** A connected 1.6 station whose BootNotification handler is the accepted-boot path; the executor runs commands for real. */
function bootingStation(enabled: boolean) {
  const socket = new FakeStationSocket();
  const connections = new StationConnections();
  const commands: StationCommand[] = [];
  const executions: Promise<Execution>[] = [];
  const executor = {
    executeOwn: (command: StationCommand) => {
      commands.push(command);
      const execution = executeOnStation(command, connections.get(command.stationId), Date.now() + 30_000);
      executions.push(execution);
      return execution;
    },
  };
  const discovery = new ChargingCapabilitiesDiscovery(config(enabled), connections, executor as unknown as CommandExecutor);
  const connection = new StationConnection('CP-1', 'ocpp1.6', 0, socket as unknown as WebSocket, {
    callTimeoutMs: 30_000,
    onFrame: () => undefined,
    handleCall: async () => {
      discovery.afterAcceptedBoot(context);
      return { status: 'Accepted', currentTime: '2025-06-01T12:00:00.000Z', interval: 300 };
    },
    logger,
    onClose: () => undefined,
  });
  connections.add(connection);
  return { socket, commands, executions };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('ChargingCapabilitiesDiscovery', () => {
  it('asks an accepted station for its capabilities once the BootNotification answer has gone out', async () => {
    const { socket, commands, executions } = bootingStation(true);
    socket.receive([2, 'boot-1', 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'AC-22' }]);
    await until(() => socket.sent.length === 2);
    expect(socket.sent[0]).toEqual([3, 'boot-1', expect.objectContaining({ status: 'Accepted' })]);
    expect(socket.sent[1]).toEqual([2, expect.any(String), 'GetConfiguration', { key: expect.arrayContaining(['ChargeProfileMaxStackLevel']) }]);
    expect(commands[0]).toMatchObject({ stationId: 'CP-1', originService: CONNECTION_ORIGIN, body: { case: 'getChargingCapabilities' } });

    socket.receive([3, socket.sent[1]?.[1], { configurationKey: [{ key: 'ChargeProfileMaxStackLevel', readonly: true, value: '4' }] }]);
    const execution = await executions[0];
    expect(execution?.event).toMatchObject({ case: 'chargingCapabilities', value: { maxStackLevel: 4 } });
  });

  it('asks nothing when switched off', async () => {
    const { socket, commands } = bootingStation(false);
    socket.receive([2, 'boot-1', 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'AC-22' }]);
    await until(() => socket.sent.length === 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(commands).toEqual([]);
    expect(socket.sent).toHaveLength(1);
  });
});
