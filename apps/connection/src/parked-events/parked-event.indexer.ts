import { DEFAULT_BACKOFF, type InboundRecord, MESSAGE_BUS, type MessageBus, type RetryLater, Topics, backoffDelay, readParkedRecord } from '@app/messaging';
import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { ParkedEventRepository } from './parked-event.repository';

export const PARKED_EVENTS_GROUP = 'connection.parked-events';

/**
 * Follows ocpp.parked into the connection schema, where the operator API lists and replays what
 * every service's consumer groups parked. One group for all replicas: each parked record is
 * indexed once, and the add is idempotent for a record read again.
 */
@Injectable()
export class ParkedEventIndexer implements OnApplicationBootstrap {
  private readonly logger: Logger;
  private failures = 0;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly parked: ParkedEventRepository,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'parked-events' });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.bus.subscribe({ topic: Topics.parked, groupId: PARKED_EVENTS_GROUP, handler: (record) => this.index(record) });
  }

  private async index(record: InboundRecord): Promise<void | RetryLater> {
    const parked = readParkedRecord(record);
    if (parked === undefined) {
      this.logger.warn({ partition: record.partition, offset: record.offset }, 'a record on ocpp.parked without parking headers; passed over');
      return;
    }
    try {
      await this.parked.add(parked);
      this.failures = 0;
    } catch (error) {
      // Only the database can fail here: wait for it, as any consumer waits for its dependency.
      this.failures += 1;
      const retryAfterMs = backoffDelay(this.failures, DEFAULT_BACKOFF);
      this.logger.warn({ err: error, attempt: this.failures, retryInMs: retryAfterMs }, 'could not index a parked record; retrying');
      return { retryAfterMs };
    }
  }
}
