import type { StationCommand } from '@app/contracts';
import type { Ocpp201 } from '@app/ocpp';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Execution } from '../routing/command-execution';
import { CommandResultObservers } from '../routing/command-result.observers';
import { monitorProblem } from './monitoring-limits';
import { monitorsCleared, monitorsSet } from './station-monitor';
import { StationMonitorRepository } from './station-monitor.repository';

/**
 * Keeps the stored monitors in step with what operators change: the monitors a station accepted
 * in SetVariableMonitoring are stored with the ids it gave them, those ClearVariableMonitoring
 * removed (or the station did not know) are deleted. Learnt from the answer on the replica that
 * sent the call (both are 2.0.1 raw calls: the request and answer passed their OCA schemas).
 */
@Injectable()
export class MonitorResultsObserver implements OnModuleInit {
  constructor(
    private readonly observers: CommandResultObservers,
    private readonly monitors: StationMonitorRepository,
  ) {}

  onModuleInit(): void {
    this.observers.register('monitoring', (command, execution) => this.learn(command, execution));
  }

  async learn(command: StationCommand, execution: Execution): Promise<void> {
    const { call, outcome } = execution;
    if (command.body.case !== 'rawCall' || call === undefined || outcome.result === undefined) return;
    if (outcome.status !== 'accepted' && outcome.status !== 'rejected') return;
    if (call.action === 'SetVariableMonitoring') {
      const set = monitorsSet(call.payload as Ocpp201.SetVariableMonitoringRequest, outcome.result as unknown as Ocpp201.SetVariableMonitoringResponse);
      await this.monitors.upsert(command.stationId, set.filter((monitor) => monitorProblem(monitor) === undefined), 'set');
    }
    if (call.action === 'ClearVariableMonitoring') {
      await this.monitors.remove(command.stationId, monitorsCleared(outcome.result as unknown as Ocpp201.ClearVariableMonitoringResponse));
    }
  }
}
