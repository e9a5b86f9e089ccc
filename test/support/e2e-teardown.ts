import { rmSync } from 'node:fs';
import type { SimulatedStation } from '@app/simulator';
import type { WebSocket } from 'ws';
import type { ServiceProcess } from './service-process';
import type { TestDatabase } from './test-database';

/** What an e2e spec started, stopped in an order that leaves nothing behind: sockets, stations, services, database, files. */
export async function tearDown(started: { sockets?: readonly WebSocket[]; stations?: readonly SimulatedStation[]; services: readonly (ServiceProcess | undefined)[]; database?: TestDatabase; dir?: string }): Promise<void> {
  for (const socket of started.sockets ?? []) socket.terminate();
  await Promise.all((started.stations ?? []).map((station) => station.dispose()));
  await Promise.all(started.services.map((service) => service?.stop('SIGKILL')));
  await started.database?.drop();
  if (started.dir) rmSync(started.dir, { recursive: true, force: true });
}
