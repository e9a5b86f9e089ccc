import type { StationCommand } from '@app/contracts';
import type { Ocpp201 } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Execution } from '../routing/command-execution';
import { CommandResultObservers } from '../routing/command-result.observers';
import { criteriaOf, displayMessageOf } from './display-message';
import { DisplayMessageLedger } from './display-message.ledger';

/** The station's answers to the display-message commands (sent from the operator API or as raw calls), into the ledger. */
@Injectable()
export class DisplayMessageObserver implements OnModuleInit {
  constructor(
    private readonly observers: CommandResultObservers,
    private readonly ledger: DisplayMessageLedger,
  ) {}

  onModuleInit(): void {
    this.observers.register('display-messages', (command, execution) => this.observe(command, execution));
  }

  async observe(command: StationCommand, execution: Execution): Promise<void> {
    const { call, outcome } = execution;
    if (call === undefined || (outcome.status !== 'accepted' && outcome.status !== 'rejected')) return;
    const stationStatus = typeof outcome.result?.status === 'string' ? outcome.result.status : undefined;
    const { stationId } = command;
    switch (call.action) {
      case 'SetDisplayMessage':
        if (stationStatus === 'Accepted') await this.ledger.set(stationId, displayMessageOf((call.payload as Ocpp201.SetDisplayMessageRequest).message));
        return;
      case 'ClearDisplayMessage':
        // Unknown: the station does not have it (any more), so neither should the CSMS's view.
        if (stationStatus === 'Accepted' || stationStatus === 'Unknown') await this.ledger.cleared(stationId, (call.payload as Ocpp201.ClearDisplayMessageRequest).id);
        return;
      case 'GetDisplayMessages': {
        const request = call.payload as Ocpp201.GetDisplayMessagesRequest;
        if (stationStatus !== undefined) await this.ledger.reportAnswered(stationId, request.requestId, criteriaOf(request), stationStatus);
        return;
      }
    }
  }
}
