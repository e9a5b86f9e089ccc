import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { StationCommandSchema, timestampFromDate } from '@app/contracts';
import { versionOfSubprotocol } from '@app/ocpp';
import { ROOT_LOGGER } from '@app/observability';
import type { CommandBody } from '@app/station-commands';
import { create } from '@bufbuild/protobuf';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import type { CallContext } from '../gateway/call-handler.registry';
import type { StationConnection } from '../gateway/station-connection';
import { StationConnections } from '../gateway/station-connections';
import { CommandExecutor } from '../routing/command.executor';
import { StationRepository } from '../stations/station.repository';
import { LocalListRepository } from './local-list.repository';
import { type LocalListSender, LocalListSync } from './local-list.sync';

/** The origin of the commands the reconciliation sends, as the command history shows it. */
export const LOCAL_LIST_ORIGIN = 'connection';

/**
 * GetLocalListVersion reconciliation (ADR 029): when an accepted station connects, or boots and is
 * accepted, the replica holding it compares the station's list version with the one the CSMS
 * last saw it accept and brings the list up to date: a full list when the versions differ (the
 * station lost or replaced its list), a differential one when only the tokens changed. Runs
 * after the station's CALL in progress is answered, never blocks it, and one at a time per station.
 * While no token is registered and the CSMS never gave the station a list, it asks nothing.
 */
@Injectable()
export class LocalListReconciler implements OnModuleInit {
  private readonly running = new Set<string>();
  private readonly timeoutMs: number;
  private readonly logger: Logger;

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly connections: StationConnections,
    private readonly executor: CommandExecutor,
    private readonly stations: StationRepository,
    private readonly sync: LocalListSync,
    private readonly lists: LocalListRepository,
  ) {
    this.timeoutMs = config.gateway.callTimeoutMs;
    this.logger = logger.child({ component: 'local-lists' });
  }

  onModuleInit(): void {
    this.connections.onChange((change) => {
      if (change.kind === 'connected') this.afterConnect(change.connection);
    });
  }

  /** Called by the BootNotification handler of an accepted station; returns at once. */
  afterAcceptedBoot(context: CallContext): void {
    const connection = this.connections.get(context.stationId);
    if (connection !== undefined) this.reconcile(connection, context.logger);
  }

  /**
   * A station that reconnects without booting (1.6 usually does) is reconciled if it is accepted.
   * Whether any list is in use is asked first: without one, a connection storm reads no registrations.
   */
  private afterConnect(connection: StationConnection): void {
    const logger = this.logger.child({ stationId: connection.stationId });
    this.lists
      .mayNeedList(connection.stationId)
      .then((needed) => (needed ? this.stations.findRegistration(connection.stationId) : undefined))
      .then((registration) => {
        if (registration === 'accepted') this.reconcile(connection, logger);
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'could not read the registration of a connected station'));
  }

  private reconcile(connection: StationConnection, logger: Logger): void {
    const { stationId } = connection;
    if (this.running.has(stationId)) return;
    this.running.add(stationId);
    // One microtask later the session is known to be answering the CALL in progress (see ChargingCapabilitiesDiscovery).
    Promise.resolve()
      .then(() => connection.session.whenIdle())
      .then(() => this.lists.mayNeedList(stationId))
      .then((needed) => (needed ? this.sync.sync(stationId, versionOfSubprotocol(connection.protocol), this.senderFor(stationId), { logger }) : undefined))
      .catch((error: unknown) => logger.error({ err: error }, 'could not reconcile the station’s local list'))
      .finally(() => this.running.delete(stationId));
  }

  /** Runs each command on this replica's connection, like any other command (history, metrics). */
  private senderFor(stationId: string): LocalListSender {
    return async (body: CommandBody, correlationId: string) => {
      const commandId = randomUUID();
      const now = new Date();
      const command = create(StationCommandSchema, {
        commandId,
        stationId,
        correlationId,
        issuedAt: timestampFromDate(now),
        deadline: timestampFromDate(new Date(now.getTime() + this.timeoutMs)),
        originService: LOCAL_LIST_ORIGIN,
        body,
      });
      const { outcome } = await this.executor.executeOwn(command);
      return outcome;
    };
  }
}
