import { randomUUID } from 'node:crypto';
import { type MessageInitShape } from '@bufbuild/protobuf';
import { type CommandResult, type StationCommandSchema, createEnvelope, timestampFromDate } from '@app/contracts';
import { EnvelopePublisher, Topics } from '@app/messaging';
import { type CommandOutcome, outcomeOf } from './command-outcome';
import type { PresenceDirectory } from './presence-directory';

export type CommandBody = MessageInitShape<typeof StationCommandSchema>['body'];

export interface SendOptions {
  /** How long the command may take end to end, including the station's answer. Default 30 s. */
  timeoutMs?: number;
  correlationId?: string;
  /** Who asked for the command, for the command history (e.g. the operator API token's name); omit for a service's own decisions. */
  actor?: string;
}

interface PendingCommand {
  stationId: string;
  partition: number;
  resend: () => Promise<void>;
  settle: (outcome: CommandOutcome) => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * `await stations.send(stationId, body)`: delivers a version-neutral command
 * to the connection replica that holds the station (the ocpp.commands
 * partition named by its presence) and resolves with the result from
 * ocpp.results. A station that is not connected answers at once. When the
 * replica answers not-connected because the station has meanwhile moved to
 * another replica, the command is sent there; it is never in two places at
 * once, so it cannot run twice.
 */
export class StationCommandClient {
  private readonly pending = new Map<string, PendingCommand>();

  constructor(
    private readonly originService: string,
    private readonly presence: PresenceDirectory,
    private readonly publisher: EnvelopePublisher,
  ) {}

  async send(stationId: string, body: CommandBody, options: SendOptions = {}): Promise<CommandOutcome> {
    const commandId = randomUUID();
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = new Date(Date.now() + timeoutMs);
    const location = this.presence.locate(stationId);
    if (!location?.connected) return { commandId, status: 'not-connected', errorDescription: `station ${stationId} is not connected` };
    const envelope = createEnvelope('stationCommand', {
      commandId,
      stationId,
      correlationId: options.correlationId ?? commandId,
      issuedAt: timestampFromDate(new Date()),
      deadline: timestampFromDate(deadline),
      originService: this.originService,
      actor: options.actor ?? '',
      body,
    });
    return new Promise<CommandOutcome>((resolve, reject) => {
      const timer = setTimeout(() => settle({ commandId, status: 'timeout', errorDescription: `no result within ${timeoutMs} ms` }), timeoutMs + 1000);
      const settle = (outcome: CommandOutcome) => {
        clearTimeout(timer);
        this.pending.delete(commandId);
        resolve(outcome);
      };
      const command: PendingCommand = {
        stationId,
        partition: location.commandPartition,
        settle,
        resend: async () => {
          const current = this.presence.locate(stationId);
          if (!current?.connected) return;
          command.partition = current.commandPartition;
          await this.publisher.publish(Topics.commands, envelope, { partition: command.partition });
        },
      };
      this.pending.set(commandId, command);
      this.publisher.publish(Topics.commands, envelope, { partition: location.commandPartition }).catch((error: unknown) => {
        clearTimeout(timer);
        this.pending.delete(commandId);
        reject(error);
      });
    });
  }

  /** Called for every record on ocpp.results; only this client's own commands matter. */
  receive(result: CommandResult): void {
    if (result.originService !== this.originService) return;
    const command = this.pending.get(result.commandId);
    if (!command) return;
    // Only the replica the command currently sits with may answer it.
    if (result.commandPartition !== command.partition) return;
    const outcome = outcomeOf(result);
    const now = this.presence.locate(command.stationId);
    if (outcome.status === 'not-connected' && now?.connected && now.commandPartition !== command.partition) {
      void command.resend().catch(() => command.settle(outcome));
      return;
    }
    command.settle(outcome);
  }

  get inFlight(): number {
    return this.pending.size;
  }
}
