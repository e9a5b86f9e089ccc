import { validateResponse } from '@app/ocpp';
import { bootAnswer, bootReportOf16, bootReportOf201 } from './boot-notification.adapter';
import { noticesOf } from './notify-event.adapter';
import { statusReportOf16, statusReportOf201 } from './status-notification.adapter';

const now = new Date('2025-06-01T12:00:00.000Z');

describe('BootNotification adapters', () => {
  it('reads 1.6 and 2.0.1 boots into one report', () => {
    expect(bootReportOf16({ chargePointVendor: 'Acme', chargePointModel: 'AC-22', chargePointSerialNumber: 'SN-1', firmwareVersion: '1.2.3' })).toEqual({
      vendor: 'Acme',
      model: 'AC-22',
      serialNumber: 'SN-1',
      firmwareVersion: '1.2.3',
      reason: undefined,
    });
    expect(
      bootReportOf201({ reason: 'PowerUp', chargingStation: { vendorName: 'Acme', model: 'AC-22', serialNumber: 'SN-1', firmwareVersion: '1.2.3' } }),
    ).toEqual({ vendor: 'Acme', model: 'AC-22', serialNumber: 'SN-1', firmwareVersion: '1.2.3', reason: 'PowerUp' });
  });

  it('falls back to the deprecated 1.6 chargeBoxSerialNumber', () => {
    expect(bootReportOf16({ chargePointVendor: 'Acme', chargePointModel: 'AC-22', chargeBoxSerialNumber: 'BOX-9' }).serialNumber).toBe('BOX-9');
  });

  it.each(['1.6', '2.0.1'] as const)('answers %s with a schema-valid BootNotification response', (version) => {
    for (const decision of [
      { status: 'Accepted' as const, intervalSeconds: 300 },
      { status: 'Pending' as const, intervalSeconds: 60 },
    ]) {
      const answer = bootAnswer(decision, now);
      expect(answer).toEqual({ status: decision.status, currentTime: '2025-06-01T12:00:00.000Z', interval: decision.intervalSeconds });
      expect(validateResponse(version, 'BootNotification', answer)).toEqual({ ok: true });
    }
  });
});

describe('StatusNotification adapters', () => {
  it.each([
    ['Available', 'Available'],
    ['Preparing', 'Occupied'],
    ['Charging', 'Occupied'],
    ['SuspendedEV', 'Occupied'],
    ['SuspendedEVSE', 'Occupied'],
    ['Finishing', 'Occupied'],
    ['Reserved', 'Reserved'],
    ['Unavailable', 'Unavailable'],
    ['Faulted', 'Faulted'],
  ] as const)('folds the 1.6 status %s into %s and keeps the original', (ocppStatus, status) => {
    const report = statusReportOf16({ connectorId: 2, errorCode: 'NoError', status: ocppStatus, timestamp: '2025-06-01T11:59:00Z' }, now);
    expect(report).toMatchObject({ evseId: 2, connectorId: 1, status, ocppStatus });
  });

  it('reads 1.6 connector 0 as the station, and a fault with its error code and vendor details', () => {
    const report = statusReportOf16(
      { connectorId: 0, errorCode: 'GroundFailure', status: 'Faulted', info: 'RCD tripped', vendorId: 'com.acme', vendorErrorCode: 'E42' },
      now,
    );
    expect(report).toEqual({
      evseId: 0,
      connectorId: 0,
      status: 'Faulted',
      ocppStatus: 'Faulted',
      errorCode: 'GroundFailure',
      info: 'RCD tripped',
      vendorErrorCode: 'E42',
      statusAt: now,
    });
  });

  it('reads 2.0.1 EVSE and connector', () => {
    expect(statusReportOf201({ timestamp: '2025-06-01T11:59:00Z', connectorStatus: 'Occupied', evseId: 3, connectorId: 2 })).toEqual({
      evseId: 3,
      connectorId: 2,
      status: 'Occupied',
      ocppStatus: 'Occupied',
      errorCode: undefined,
      info: undefined,
      vendorErrorCode: undefined,
      statusAt: new Date('2025-06-01T11:59:00Z'),
    });
  });
});

describe('NotifyEvent adapter', () => {
  it('gives one notice per reported event, naming component and variable', () => {
    const notices = noticesOf({
      generatedAt: '2025-06-01T12:00:00Z',
      seqNo: 0,
      eventData: [
        {
          eventId: 7,
          timestamp: '2025-06-01T11:58:00Z',
          trigger: 'Alerting',
          actualValue: 'true',
          techCode: 'E12',
          component: { name: 'ConnectorPlugRetentionLock', evse: { id: 1, connectorId: 1 } },
          variable: { name: 'Problem' },
          eventNotificationType: 'HardWiredNotification',
        },
        {
          eventId: 8,
          timestamp: '2025-06-01T11:59:00Z',
          trigger: 'Delta',
          actualValue: '41',
          cleared: true,
          component: { name: 'TemperatureSensor', instance: 'cabinet' },
          variable: { name: 'Temperature', instance: 'max' },
          eventNotificationType: 'CustomMonitor',
        },
      ],
    });
    expect(notices).toEqual([
      {
        eventId: 7,
        trigger: 'Alerting',
        eventType: 'HardWiredNotification',
        component: 'ConnectorPlugRetentionLock@1.1',
        variable: 'Problem',
        actualValue: 'true',
        cleared: false,
        techCode: 'E12',
        techInfo: undefined,
        noticedAt: new Date('2025-06-01T11:58:00Z'),
      },
      expect.objectContaining({ eventId: 8, component: 'TemperatureSensor:cabinet', variable: 'Temperature:max', cleared: true }),
    ]);
  });
});
