import { ROOT_LOGGER } from '@app/observability';
import type { ApiPrincipal } from '@app/runtime';
import { type CommandOutcome, StationCommandClient } from '@app/station-commands';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { type ApiResult, OperatorApiErrorCode, failed } from '../operator-api.error';
import { StationReadRepository } from '../stations/station-read.repository';
import { type CommandAnswer, answerOf } from './command-answer';
import type { PreparedCommand } from './command-request.pipe';

/**
 * Sends an operator's command to a station through ocpp.commands (whichever replica holds it) and
 * waits for its answer. Every command is logged with the name of the token that sent it, and carries
 * that name to the replica that runs it, which records it in the command history.
 */
@Injectable()
export class StationCommandsService {
  private readonly logger: Logger;

  constructor(
    private readonly client: StationCommandClient,
    private readonly stations: StationReadRepository,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'operator-commands' });
  }

  async send(stationId: string, command: PreparedCommand, actor: ApiPrincipal | undefined): Promise<ApiResult<CommandAnswer>> {
    let outcome: CommandOutcome;
    try {
      outcome = await this.client.send(stationId, command.body, { timeoutMs: command.timeoutMs, actor: actor?.name });
    } catch (error) {
      this.logger.error({ err: error, stationId, command: command.name }, 'could not publish an operator command');
      return failed(OperatorApiErrorCode.commandNotDelivered, 'the command could not be handed to the message bus; try again');
    }
    this.logger.info({ actor: actor?.name, stationId, command: command.name, commandId: outcome.commandId, status: outcome.status }, 'operator command');
    if (outcome.status === 'not-connected' && !(await this.stations.exists(stationId))) {
      return failed(OperatorApiErrorCode.stationNotFound, `station ${stationId} is not registered`, { commandId: outcome.commandId });
    }
    return answerOf(outcome);
  }
}
