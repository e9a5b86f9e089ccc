import { MonitoredValues } from './monitored-values';
import { VariableMonitors } from './variable-monitors';

const evse1 = { name: 'EVSE', evse: { id: 1 } };
const power = { name: 'Power' };

describe('MonitoredValues', () => {
  let monitors: VariableMonitors;
  let sent: { action: string; payload: { eventData: Record<string, unknown>[] } }[];
  let values: MonitoredValues;

  beforeEach(() => {
    monitors = new VariableMonitors(() => 'known');
    monitors.set({ value: 22000, type: 'UpperThreshold', severity: 2, component: evse1, variable: power });
    sent = [];
    values = new MonitoredValues(monitors, async (action, payload) => sent.push({ action, payload: payload as (typeof sent)[number]['payload'] }), () => Date.parse('2025-06-01T10:00:00Z'));
  });

  it('raises once when the threshold is crossed and clears when the value returns', async () => {
    await values.measure(evse1, power, 10000);
    await values.measure(evse1, power, 23000);
    await values.measure(evse1, power, 24000);
    await values.measure(evse1, power, 11000);
    expect(sent.map((call) => call.action)).toEqual(['NotifyEvent', 'NotifyEvent']);
    expect(sent[0]?.payload.eventData).toEqual([expect.objectContaining({ trigger: 'Alerting', cleared: false, actualValue: '23000', variableMonitoringId: 1, eventNotificationType: 'CustomMonitor' })]);
    expect(sent[1]?.payload.eventData).toEqual([expect.objectContaining({ cleared: true, actualValue: '11000', variableMonitoringId: 1 })]);
  });

  it('stays silent for a monitor less severe than the monitoring level', async () => {
    monitors.level = 1;
    await values.measure(evse1, power, 23000);
    expect(sent).toEqual([]);
  });
});
