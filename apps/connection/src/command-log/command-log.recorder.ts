import { BatchWriter } from '@app/persistence';
import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { CommandLogRepository } from './command-log.repository';
import type { CommandRecord } from './command-record';

/**
 * The command history's way in: `record` queues and returns at once; records are written in
 * batches in the background. A record that cannot be written is logged and lost; the command it
 * describes has been answered by then and is never held up or failed by its history.
 */
@Injectable()
export class CommandLogRecorder implements OnApplicationShutdown {
  private readonly writer: BatchWriter<CommandRecord>;

  constructor(repository: CommandLogRepository, @Inject(ROOT_LOGGER) rootLogger: Logger) {
    const logger = rootLogger.child({ component: 'command-log' });
    this.writer = new BatchWriter({
      write: (records) => repository.insert(records),
      onWriteError: (error, records) =>
        logger.error({ err: error, lost: records.length, commandIds: records.slice(0, 10).map((record) => record.commandId) }, 'could not write command history records'),
      onDrop: (count, why) => (why === 'closed' ? logger.debug({ lost: count, why }, 'command history closed') : logger.warn({ lost: count, why }, 'command history records dropped')),
    });
  }

  record(record: CommandRecord): void {
    this.writer.add(record);
  }

  /** Resolves once everything recorded so far is written (or reported lost). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  onApplicationShutdown(): Promise<void> {
    return this.writer.close();
  }
}
