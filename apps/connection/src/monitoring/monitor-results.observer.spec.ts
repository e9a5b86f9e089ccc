import { create } from '@bufbuild/protobuf';
import { StationCommandSchema } from '@app/contracts';
import type { CommandResultObservers } from '../routing/command-result.observers';
import { MonitorResultsObserver } from './monitor-results.observer';
import type { StationMonitor } from './station-monitor';
import type { StationMonitorRepository } from './station-monitor.repository';

class FakeMonitors {
  readonly upserted: StationMonitor[] = [];
  readonly removed: number[] = [];
  async upsert(_stationId: string, monitors: readonly StationMonitor[]): Promise<void> {
    this.upserted.push(...monitors);
  }
  async remove(_stationId: string, ids: readonly number[]): Promise<void> {
    this.removed.push(...ids);
  }
}

const raw = (action: string) => create(StationCommandSchema, { commandId: 'c1', stationId: 'CS-1', body: { case: 'rawCall', value: { action, payloadJson: '{}' } } });

describe('MonitorResultsObserver', () => {
  let monitors: FakeMonitors;
  let observer: MonitorResultsObserver;

  beforeEach(() => {
    monitors = new FakeMonitors();
    observer = new MonitorResultsObserver({ register: () => undefined } as unknown as CommandResultObservers, monitors as unknown as StationMonitorRepository);
  });

  it('stores the monitors a SetVariableMonitoring answer accepted', async () => {
    const payload = { setMonitoringData: [{ value: 7, type: 'Delta', severity: 4, component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }] };
    const result = { setMonitoringResult: [{ id: 3, status: 'Accepted', type: 'Delta', severity: 4, component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }] };
    await observer.learn(raw('SetVariableMonitoring'), { outcome: { status: 'accepted', result }, call: { action: 'SetVariableMonitoring', payload } });
    expect(monitors.upserted).toEqual([expect.objectContaining({ monitorId: 3, value: 7, severity: 4, component: { name: 'EVSE', evseId: 1 } })]);
  });

  it('removes the monitors ClearVariableMonitoring cleared', async () => {
    const result = { clearMonitoringResult: [{ id: 3, status: 'Accepted' }, { id: 4, status: 'Rejected' }] };
    await observer.learn(raw('ClearVariableMonitoring'), { outcome: { status: 'accepted', result }, call: { action: 'ClearVariableMonitoring', payload: { id: [3, 4] } } });
    expect(monitors.removed).toEqual([3]);
  });

  it('learns nothing from a call that failed or another action', async () => {
    await observer.learn(raw('ClearVariableMonitoring'), { outcome: { status: 'timeout' }, call: { action: 'ClearVariableMonitoring', payload: { id: [3] } } });
    await observer.learn(raw('GetVariables'), { outcome: { status: 'accepted', result: { clearMonitoringResult: [{ id: 3, status: 'Accepted' }] } }, call: { action: 'GetVariables', payload: {} } });
    expect(monitors.removed).toEqual([]);
  });
});
