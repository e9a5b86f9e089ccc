import { ROOT_LOGGER } from '@app/observability';
import { InjectDataSource } from '@app/persistence';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Notification, PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { SITE_CHANGE_CHANNEL } from '../audit/site-change-channel';
import { SMART_CHARGING_SCHEMA } from '../persistence/smart-charging-schema';

const RECONNECT_MS = 2000;

/** A site id whose topology or limits changed, or `*` after the feed was interrupted (anything may have changed). */
export type SiteChangeListener = (siteId: string) => void;

interface PoolLike {
  connect(): Promise<PoolClient>;
}

/**
 * Committed changes of topology and limits, from every replica: the audit log notifies on
 * PostgreSQL's NOTIFY channel in the writing transaction, and this holds one pooled connection
 * that LISTENs. When that connection is lost, it reconnects and reports `*`, since notifications
 * sent meanwhile are gone.
 */
@Injectable()
export class SiteChangeFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly listeners: SiteChangeListener[] = [];
  private client: PoolClient | undefined;
  private stopped = false;
  private readonly logger: Logger;

  constructor(
    @InjectDataSource(SMART_CHARGING_SCHEMA) private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
  ) {
    this.logger = rootLogger.child({ component: 'site-change-feed' });
  }

  onChange(listener: SiteChangeListener): void {
    this.listeners.push(listener);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    client?.release();
  }

  private pool(): PoolLike {
    // TypeORM's PostgreSQL driver keeps its pg Pool as `master`.
    return (this.dataSource.driver as unknown as { master: PoolLike }).master;
  }

  private async listen(): Promise<void> {
    const client = await this.pool().connect();
    client.on('notification', (message: Notification) => this.emit(message.payload ?? '*'));
    client.on('error', (error: Error) => this.interrupted(client, error));
    client.on('end', () => this.interrupted(client, new Error('connection ended')));
    await client.query(`LISTEN ${SITE_CHANGE_CHANNEL}`);
    this.client = client;
  }

  private interrupted(client: PoolClient, error: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    client.release(error);
    this.logger.warn({ err: error }, 'site change feed interrupted; listening again');
    const retry = () => {
      if (this.stopped) return;
      this.listen().then(
        () => this.emit('*'),
        () => setTimeout(retry, RECONNECT_MS).unref(),
      );
    };
    setTimeout(retry, RECONNECT_MS).unref();
  }

  private emit(siteId: string): void {
    for (const listener of this.listeners) listener(siteId);
  }
}
