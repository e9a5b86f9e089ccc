import type { Ocpp201 } from '@app/ocpp';
import type { RaisedAlert } from './alert-rules';
import type { StationAlertRepository } from './station-alert.repository';
import { StationAlertsService } from './station-alerts.service';
import type { StationMonitor } from './station-monitor';
import type { StationMonitorRepository } from './station-monitor.repository';

class FakeAlerts {
  readonly raised: RaisedAlert[] = [];
  readonly cleared: { key: string; at: Date }[] = [];
  async raise(_stationId: string, alert: RaisedAlert): Promise<void> {
    this.raised.push(alert);
  }
  async clear(_stationId: string, key: string, at: Date): Promise<void> {
    this.cleared.push({ key, at });
  }
}

const stored: StationMonitor = { monitorId: 9, component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' }, type: 'UpperThreshold', value: 1, severity: 0, transaction: false };
const monitors = { findMany: async (_stationId: string, ids: readonly number[]) => new Map(ids.includes(9) ? [[9, stored]] : []) };

const event = (overrides: Partial<Ocpp201.EventDataType>): Ocpp201.EventDataType => ({
  eventId: 1,
  timestamp: '2025-06-01T10:00:00.000Z',
  trigger: 'Alerting',
  actualValue: 'x',
  eventNotificationType: 'CustomMonitor',
  component: { name: 'EVSE', evse: { id: 1 } },
  variable: { name: 'Power' },
  ...overrides,
});

describe('StationAlertsService', () => {
  let alerts: FakeAlerts;
  let service: StationAlertsService;

  beforeEach(() => {
    alerts = new FakeAlerts();
    service = new StationAlertsService(alerts as unknown as StationAlertRepository, monitors as unknown as StationMonitorRepository);
  });

  it('raises each Alerting event with its monitor’s stored severity, and clears a cleared one, in one NotifyEvent', async () => {
    await service.eventsNotified('CS-1', {
      generatedAt: '2025-06-01T10:00:00.000Z',
      seqNo: 0,
      eventData: [event({ variableMonitoringId: 9 }), event({ eventId: 2, variableMonitoringId: 12 }), event({ eventId: 3, variableMonitoringId: 5, cleared: true }), event({ eventId: 4, trigger: 'Periodic' })],
    });
    expect(alerts.raised.map((alert) => [alert.monitorId, alert.severity])).toEqual([
      [9, 0],
      [12, 5],
    ]);
    expect(alerts.cleared).toEqual([{ key: 'event:EVSE@1/Power#5', at: new Date('2025-06-01T10:00:00.000Z') }]);
  });

  it('clears a connector’s alert when it reports NoError', async () => {
    const statusAt = new Date('2025-06-01T10:00:00Z');
    await service.statusReported('CS-1', { evseId: 1, connectorId: 1, status: 'Available', ocppStatus: 'Available', errorCode: 'NoError', info: undefined, vendorErrorCode: undefined, statusAt });
    expect(alerts.cleared).toEqual([{ key: 'connector@1.1', at: statusAt }]);
    expect(alerts.raised).toEqual([]);
  });
});
