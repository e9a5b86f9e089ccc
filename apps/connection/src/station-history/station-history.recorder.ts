import { ROOT_LOGGER } from '@app/observability';
import { BatchWriter } from '@app/persistence';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { BootHistoryRecord, ConnectionHistoryRecord, NotificationHistoryRecord, StatusHistoryRecord } from './station-history.records';
import { StationHistoryRepository } from './station-history.repository';

/**
 * The station history's way in, from the message handlers and the gateway: each method queues
 * and returns at once (StatusNotification is on the hot path); records are written in batches
 * in the background. One that cannot be written is logged and lost; the station's answer never
 * waits for, or fails because of, its history.
 */
@Injectable()
export class StationHistoryRecorder implements OnApplicationShutdown {
  private readonly boots: BatchWriter<BootHistoryRecord>;
  private readonly statuses: BatchWriter<StatusHistoryRecord>;
  private readonly connections: BatchWriter<ConnectionHistoryRecord>;
  private readonly notifications: BatchWriter<NotificationHistoryRecord>;

  constructor(repository: StationHistoryRepository, @Inject(ROOT_LOGGER) rootLogger: Logger) {
    const logger = rootLogger.child({ component: 'station-history' });
    const writer = <T extends { stationId: string }>(kind: string, write: (records: T[]) => Promise<void>) =>
      new BatchWriter<T>({
        write,
        onWriteError: (error, records) =>
          logger.error({ err: error, kind, lost: records.length, stationIds: [...new Set(records.map((record) => record.stationId))].slice(0, 10) }, 'could not write station history'),
        // After shutdown began (e.g. the disconnects of the closing sockets), losing records is expected.
        onDrop: (count, why) => (why === 'closed' ? logger.debug({ kind, lost: count, why }, 'station history closed') : logger.warn({ kind, lost: count, why }, 'station history records dropped')),
      });
    this.boots = writer('boot', (records) => repository.insertBoots(records));
    this.statuses = writer('status', (records) => repository.insertStatuses(records));
    this.connections = writer('connection', (records) => repository.insertConnections(records));
    this.notifications = writer('notification', (records) => repository.insertNotifications(records));
  }

  booted(record: BootHistoryRecord): void {
    this.boots.add(record);
  }

  statusChanged(record: StatusHistoryRecord): void {
    this.statuses.add(record);
  }

  connection(record: ConnectionHistoryRecord): void {
    this.connections.add(record);
  }

  notified(record: NotificationHistoryRecord): void {
    this.notifications.add(record);
  }

  /** Resolves once everything recorded so far is written (or reported lost). */
  async flush(): Promise<void> {
    await Promise.all([this.boots.flush(), this.statuses.flush(), this.connections.flush(), this.notifications.flush()]);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.boots.close(), this.statuses.close(), this.connections.close(), this.notifications.close()]);
  }
}
