import type { Ocpp201 } from '@app/ocpp';
import type { ConnectorStatusReport } from '../stations/connector-status';
import { alertOfEvent, alertOfStatus, connectorAlertKey, eventAlertKey } from './alert-rules';
import type { StationMonitor } from './station-monitor';

const event = (overrides: Partial<Ocpp201.EventDataType> = {}): Ocpp201.EventDataType => ({
  eventId: 7,
  timestamp: '2025-06-01T10:00:00.000Z',
  trigger: 'Alerting',
  actualValue: '23000',
  eventNotificationType: 'CustomMonitor',
  component: { name: 'EVSE', evse: { id: 1 } },
  variable: { name: 'Power' },
  variableMonitoringId: 3,
  ...overrides,
});

const monitor: StationMonitor = { monitorId: 3, component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' }, type: 'UpperThreshold', value: 22000, severity: 2, transaction: false };

const status = (overrides: Partial<ConnectorStatusReport>): ConnectorStatusReport => ({
  evseId: 1,
  connectorId: 1,
  status: 'Available',
  ocppStatus: 'Available',
  errorCode: 'NoError',
  info: undefined,
  vendorErrorCode: undefined,
  statusAt: new Date('2025-06-01T10:00:00Z'),
  ...overrides,
});

describe('alerts from NotifyEvent', () => {
  it('raises an Alerting event with the severity of the stored monitor that fired', () => {
    const change = alertOfEvent(event(), monitor);
    expect(change).toEqual({
      kind: 'raise',
      alert: expect.objectContaining({ key: 'event:EVSE@1/Power#3', source: 'event', severity: 2, component: 'EVSE@1', variable: 'Power', monitorId: 3, actualValue: '23000', evseId: 1 }),
    });
  });

  it('gives an unknown monitor the spec’s default monitoring severity, Alert (5)', () => {
    expect(alertOfEvent(event(), undefined)).toEqual({ kind: 'raise', alert: expect.objectContaining({ severity: 5 }) });
  });

  it('makes a problem the station reports by itself (HardWiredNotification) an Error (4)', () => {
    const problem = event({ eventNotificationType: 'HardWiredNotification', variableMonitoringId: undefined, variable: { name: 'Problem' }, actualValue: 'true' });
    expect(alertOfEvent(problem, undefined)).toEqual({ kind: 'raise', alert: expect.objectContaining({ key: 'event:EVSE@1/Problem#-', severity: 4 }) });
  });

  it('clears with cleared: true on the same component, EVSE, variable and monitor', () => {
    const cleared = event({ cleared: true, timestamp: '2025-06-01T10:05:00.000Z' });
    expect(alertOfEvent(cleared, monitor)).toEqual({ kind: 'clear', key: eventAlertKey(event()), at: new Date('2025-06-01T10:05:00.000Z') });
  });

  it('tells apart the same variable on another EVSE, instance or monitor', () => {
    const keys = new Set([
      eventAlertKey(event()),
      eventAlertKey(event({ component: { name: 'EVSE', evse: { id: 2 } } })),
      eventAlertKey(event({ component: { name: 'EVSE', evse: { id: 1, connectorId: 1 } } })),
      eventAlertKey(event({ variable: { name: 'Power', instance: 'L1' } })),
      eventAlertKey(event({ variableMonitoringId: 4 })),
    ]);
    expect(keys.size).toBe(5);
  });

  it.each(['Delta', 'Periodic'] as const)('raises nothing for a %s event (a reading, not a condition)', (trigger) => {
    expect(alertOfEvent(event({ trigger }), monitor)).toEqual({ kind: 'none' });
  });
});

describe('alerts from StatusNotification', () => {
  it('raises a Critical (3) alert for a 1.6 Faulted connector with its error codes', () => {
    const change = alertOfStatus(status({ status: 'Faulted', ocppStatus: 'Faulted', errorCode: 'GroundFailure', vendorErrorCode: 'E42', info: 'ground' }));
    expect(change).toEqual({
      kind: 'raise',
      alert: expect.objectContaining({ key: connectorAlertKey(1, 1), source: 'connector', severity: 3, errorCode: 'GroundFailure', vendorErrorCode: 'E42', info: 'ground' }),
    });
  });

  it('raises a Warning (6) for a 1.6 error code on a connector still in service', () => {
    expect(alertOfStatus(status({ status: 'Occupied', ocppStatus: 'Charging', errorCode: 'HighTemperature' }))).toEqual({
      kind: 'raise',
      alert: expect.objectContaining({ severity: 6, errorCode: 'HighTemperature' }),
    });
  });

  it('raises for a 2.0.1 Faulted connector, which has no error code', () => {
    const change = alertOfStatus(status({ status: 'Faulted', ocppStatus: 'Faulted', errorCode: undefined, evseId: 2 }));
    expect(change).toEqual({ kind: 'raise', alert: expect.objectContaining({ key: 'connector@2.1', severity: 3, errorCode: undefined }) });
  });

  it('clears when the connector reports NoError again (1.6) or any status but Faulted (2.0.1)', () => {
    expect(alertOfStatus(status({}))).toEqual({ kind: 'clear', key: 'connector@1.1', at: new Date('2025-06-01T10:00:00Z') });
    expect(alertOfStatus(status({ errorCode: undefined, status: 'Occupied' }))).toEqual(expect.objectContaining({ kind: 'clear' }));
  });
});
