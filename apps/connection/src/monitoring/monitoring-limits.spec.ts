import type { Ocpp201 } from '@app/ocpp';
import { eventProblem, monitorProblem, reportPartProblem } from './monitoring-limits';
import type { StationMonitor } from './station-monitor';

const monitor = (overrides: Partial<StationMonitor> = {}): StationMonitor => ({
  monitorId: 1,
  component: { name: 'EVSE', evseId: 1 },
  variable: { name: 'Power' },
  type: 'Delta',
  value: 1,
  severity: 9,
  transaction: false,
  ...overrides,
});

describe('monitoring limits', () => {
  it('accepts monitors we can store and names what we cannot', () => {
    expect(monitorProblem(monitor())).toBeUndefined();
    expect(monitorProblem(monitor({ severity: 10 }))).toBe('monitor 1 has severity 10; OCPP severities are 0-9');
    expect(monitorProblem(monitor({ monitorId: 2 ** 31 }))).toMatch(/^monitor id 2147483648 is not an integer/);
    expect(monitorProblem(monitor({ component: { name: 'EVSE', evseId: -1 } }))).toMatch(/EVSE or connector id out of range/);
  });

  it('refuses a report part whose requestId does not fit an integer column', () => {
    const part: Ocpp201.NotifyMonitoringReportRequest = { requestId: 2 ** 40, seqNo: 0, generatedAt: '2025-06-01T10:00:00Z' };
    expect(reportPartProblem(part, [])).toMatch(/^requestId and seqNo/);
    expect(reportPartProblem({ ...part, requestId: 1 }, [monitor({ severity: -1 })])).toMatch(/severity -1/);
  });

  it('refuses an event whose monitor id does not fit', () => {
    const event: Ocpp201.EventDataType = {
      eventId: 1,
      timestamp: '2025-06-01T10:00:00Z',
      trigger: 'Alerting',
      actualValue: 'x',
      eventNotificationType: 'CustomMonitor',
      component: { name: 'EVSE' },
      variable: { name: 'Power' },
    };
    expect(eventProblem(event)).toBeUndefined();
    expect(eventProblem({ ...event, variableMonitoringId: 2 ** 32 })).toMatch(/variableMonitoringId/);
  });
});
