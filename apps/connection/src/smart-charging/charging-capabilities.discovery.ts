import { randomUUID } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { type StationCommand, StationCommandSchema, timestampFromDate } from '@app/contracts';
import { create } from '@bufbuild/protobuf';
import { Inject, Injectable } from '@nestjs/common';
import type { CallContext } from '../gateway/call-handler.registry';
import { StationConnections } from '../gateway/station-connections';
import { CommandExecutor } from '../routing/command.executor';

/** The origin of commands this service sends on its own, as the command history shows it. */
export const CONNECTION_ORIGIN = 'connection';

/** The get_charging_capabilities command this replica runs on a station after its boot. */
export function capabilitiesCommand(stationId: string, now: Date, timeoutMs: number): StationCommand {
  const commandId = randomUUID();
  return create(StationCommandSchema, {
    commandId,
    stationId,
    correlationId: commandId,
    issuedAt: timestampFromDate(now),
    deadline: timestampFromDate(new Date(now.getTime() + timeoutMs)),
    originService: CONNECTION_ORIGIN,
    body: { case: 'getChargingCapabilities', value: {} },
  });
}

/**
 * Learns what a station's smart charging can do as soon as it is accepted, so that backends have
 * `charging_capabilities` before they first send it a profile (ADR 014). The command runs like
 * any other (history, metrics; the executor publishes the event), after the BootNotification
 * answer has gone out: a station may refuse CALLs before it knows it is accepted.
 */
@Injectable()
export class ChargingCapabilitiesDiscovery {
  private readonly enabled: boolean;
  private readonly timeoutMs: number;

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    private readonly connections: StationConnections,
    private readonly executor: CommandExecutor,
  ) {
    this.enabled = config.stationCore.chargingCapabilitiesAfterBoot;
    this.timeoutMs = config.gateway.callTimeoutMs;
  }

  /** Called by the BootNotification handler of an accepted station; returns at once. */
  afterAcceptedBoot(context: CallContext): void {
    if (!this.enabled) return;
    const connection = this.connections.get(context.stationId);
    if (connection === undefined) return;
    const { logger, stationId } = context;
    // One microtask later the session is known to be answering this very CALL (a handler may run
    // before the session has noted that), so "idle" includes sending the BootNotification answer.
    Promise.resolve()
      .then(() => connection.session.whenIdle())
      .then(() => this.executor.executeOwn(capabilitiesCommand(stationId, new Date(), this.timeoutMs)))
      .then(({ outcome }) => logger.info({ status: outcome.status, error: outcome.errorDescription }, 'asked the station for its charging capabilities'))
      .catch((error: unknown) => logger.error({ err: error }, 'could not ask the station for its charging capabilities'));
  }
}
