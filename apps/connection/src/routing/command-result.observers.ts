import type { StationCommand } from '@app/contracts';
import { ROOT_LOGGER } from '@app/observability';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Execution } from './command-execution';

/**
 * Learns from a command's answer on the replica that ran it (e.g. the device model from a
 * SetVariables result, a reservation from a ReserveNow answer). Runs once per command, after the
 * result is on its way, so it never delays the requester.
 */
export type CommandResultObserver = (command: StationCommand, execution: Execution) => void | Promise<void>;

/** Where capability modules register what they learn from command answers; the executor tells them all. */
@Injectable()
export class CommandResultObservers {
  private readonly observers = new Map<string, CommandResultObserver>();
  private readonly logger: Logger;

  constructor(@Inject(ROOT_LOGGER) logger: Logger) {
    this.logger = logger.child({ component: 'command-observers' });
  }

  register(name: string, observer: CommandResultObserver): void {
    if (this.observers.has(name)) throw new Error(`a command result observer named ${name} is already registered`);
    this.observers.set(name, observer);
  }

  /** Tells every observer; one that fails is logged and never affects the others or the command. */
  notify(command: StationCommand, execution: Execution): void {
    for (const [name, observer] of this.observers) {
      void Promise.resolve()
        .then(() => observer(command, execution))
        .catch((error: unknown) => this.logger.error({ err: error, observer: name, stationId: command.stationId, commandId: command.commandId }, 'a command result observer failed'));
    }
  }
}
