import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { StationCommand } from '@app/contracts';
import type { Execution } from '../routing/command-execution';
import { CommandResultObservers } from '../routing/command-result.observers';
import { LocalListRepository } from './local-list.repository';
import { isSyncCorrelation } from './local-list.sync';

const CHANGED_ELSEWHERE = 'the list was changed by a send-local-list command; the next update sends the full list';

/**
 * The raw send-local-list operator command stays available: when a station accepts one, the CSMS
 * no longer knows what its list holds. The list turns pending and its next synchronisation
 * sends the full list. The synchronisation's own SendLocalLists are told apart by their correlation id.
 */
@Injectable()
export class LocalListCommandObserver implements OnModuleInit {
  constructor(
    private readonly observers: CommandResultObservers,
    private readonly lists: LocalListRepository,
  ) {}

  onModuleInit(): void {
    this.observers.register('local-lists', (command, execution) => this.observe(command, execution));
  }

  async observe(command: StationCommand, execution: Execution): Promise<void> {
    if (command.body.case !== 'sendLocalList' || isSyncCorrelation(command.correlationId)) return;
    if (execution.outcome.status !== 'accepted') return;
    await this.lists.forgetHeld(command.stationId, CHANGED_ELSEWHERE);
  }
}
