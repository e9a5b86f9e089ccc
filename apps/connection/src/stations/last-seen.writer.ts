import { BatchWriter, InjectDataSource, execute } from '@app/persistence';
import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CONNECTION_SCHEMA } from '../persistence/connection-schema';

interface Seen {
  stationId: string;
  at: Date;
}

/**
 * Stations' last-seen times, written in the background many per statement: 10,000 stations
 * each due once a minute would otherwise be ~170 UPDATEs a second on the pool that the
 * acknowledged writes need. A lost write only makes a last-seen time a minute older.
 */
@Injectable()
export class LastSeenWriter implements OnApplicationShutdown {
  private readonly writer: BatchWriter<Seen>;

  constructor(@InjectDataSource(CONNECTION_SCHEMA) dataSource: DataSource, @Inject(ROOT_LOGGER) rootLogger: Logger) {
    const logger = rootLogger.child({ component: 'last-seen' });
    this.writer = new BatchWriter({
      write: (seen) => touch(dataSource, seen),
      onWriteError: (error, seen) => logger.warn({ err: error, stations: seen.length }, 'could not record when stations were last seen'),
      onDrop: (count, why) => logger.debug({ stations: count, why }, 'last-seen times not recorded'),
      flushDelayMs: 1000,
    });
  }

  seen(stationId: string, at: Date): void {
    this.writer.add({ stationId, at });
  }

  onApplicationShutdown(): Promise<void> {
    return this.writer.close();
  }
}

async function touch(dataSource: DataSource, seen: readonly Seen[]): Promise<void> {
  const latest = new Map<string, Date>();
  for (const { stationId, at } of seen) if ((latest.get(stationId)?.getTime() ?? -Infinity) < at.getTime()) latest.set(stationId, at);
  await execute(
    dataSource,
    `UPDATE "${CONNECTION_SCHEMA}"."station" AS station SET last_seen_at = seen.at
       FROM unnest($1::text[], $2::timestamptz[]) AS seen (id, at)
      WHERE station.id = seen.id AND (station.last_seen_at IS NULL OR station.last_seen_at < seen.at)`,
    [[...latest.keys()], [...latest.values()].map((at) => at.toISOString())],
  );
}
