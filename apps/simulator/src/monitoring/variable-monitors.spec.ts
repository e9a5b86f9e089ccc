import type { Ocpp201 } from '@app/ocpp';
import { VariableMonitors } from './variable-monitors';

const evse1 = { name: 'EVSE', evse: { id: 1 } };
const power = { name: 'Power' };
const upper = (value: number, extra: Partial<Ocpp201.SetMonitoringDataType> = {}): Ocpp201.SetMonitoringDataType => ({ value, type: 'UpperThreshold', severity: 3, component: evse1, variable: power, ...extra });

describe('VariableMonitors', () => {
  let monitors: VariableMonitors;

  beforeEach(() => {
    monitors = new VariableMonitors((component, variable) => {
      if (component.name !== 'EVSE') return 'UnknownComponent';
      return variable.name === 'Power' ? 'known' : 'UnknownVariable';
    });
  });

  it('accepts a monitor on a known variable and gives it an id', () => {
    expect(monitors.set(upper(22000))).toEqual({ id: 1, status: 'Accepted', type: 'UpperThreshold', severity: 3, component: evse1, variable: power });
    expect(monitors.active(evse1, power)).toEqual([expect.objectContaining({ id: 1, value: 22000 })]);
  });

  it('answers UnknownComponent, UnknownVariable, Duplicate and Rejected (unknown id) without storing', () => {
    monitors.set(upper(22000));
    expect(monitors.set(upper(1, { component: { name: 'Nope' } })).status).toBe('UnknownComponent');
    expect(monitors.set(upper(1, { variable: { name: 'Nope' } })).status).toBe('UnknownVariable');
    expect(monitors.set(upper(23000)).status).toBe('Duplicate');
    expect(monitors.set(upper(23000, { id: 99 })).status).toBe('Rejected');
    expect(monitors.list()).toHaveLength(1);
  });

  it('replaces a monitor named by its id and clears it', () => {
    monitors.set(upper(22000));
    expect(monitors.set(upper(30000, { id: 1, severity: 1 }))).toEqual(expect.objectContaining({ id: 1, status: 'Accepted' }));
    expect(monitors.list()).toEqual([expect.objectContaining({ id: 1, value: 30000, severity: 1 })]);
    expect(monitors.clear(1)).toBe('Accepted');
    expect(monitors.clear(1)).toBe('NotFound');
  });

  it('reports by criteria and component', () => {
    monitors.set(upper(22000));
    monitors.set({ value: 60, type: 'Periodic', severity: 8, component: { name: 'EVSE', evse: { id: 2 } }, variable: power });
    expect(monitors.list(['PeriodicMonitoring']).map((monitor) => monitor.type)).toEqual(['Periodic']);
    expect(monitors.list(undefined, [{ component: evse1 }]).map((monitor) => monitor.id)).toEqual([1]);
    expect(monitors.list(['DeltaMonitoring'])).toEqual([]);
  });

  it('silences custom monitors on HardWiredOnly and removes them on FactoryDefault', () => {
    monitors.set(upper(22000));
    monitors.setBase('HardWiredOnly');
    expect(monitors.active(evse1, power)).toEqual([]);
    monitors.setBase('All');
    expect(monitors.active(evse1, power)).toHaveLength(1);
    monitors.setBase('FactoryDefault');
    expect(monitors.list()).toEqual([]);
  });
});
