import { type Ocpp201, validateRequest } from '@app/ocpp';
import { valuesOfEvents } from './notify-event.values';
import { reportPartOf } from './notify-report.adapter';
import { isSecretVariable } from './secret-variable';

describe('NotifyReport adapter', () => {
  const request: Ocpp201.NotifyReportRequest = {
    requestId: 7,
    generatedAt: '2025-06-01T10:00:00Z',
    seqNo: 1,
    tbc: true,
    reportData: [
      {
        component: { name: 'Connector', evse: { id: 1, connectorId: 2 } },
        variable: { name: 'ConnectorType' },
        variableAttribute: [{ value: 'cType2', mutability: 'ReadOnly', persistent: true, constant: true }],
        variableCharacteristics: { dataType: 'string', supportsMonitoring: false },
      },
      {
        component: { name: 'SampledDataCtrlr', instance: 'main' },
        variable: { name: 'TxUpdatedInterval', instance: 'x' },
        variableAttribute: [{ type: 'Target', value: '60' }],
        variableCharacteristics: { unit: 's', dataType: 'integer', minLimit: 1, maxLimit: 3600, supportsMonitoring: true },
      },
    ],
  };

  it('is a request the 2.0.1 schema accepts (the fixture is real)', () => {
    expect(validateRequest('2.0.1', 'NotifyReport', request)).toMatchObject({ ok: true });
  });

  it('reads components with EVSE and connector, variables with instances, and the spec’s defaults for attributes', () => {
    expect(reportPartOf(request)).toEqual({
      requestId: 7,
      seqNo: 1,
      tbc: true,
      generatedAt: new Date('2025-06-01T10:00:00Z'),
      variables: [
        {
          component: { name: 'Connector', evseId: 1, connectorId: 2 },
          variable: { name: 'ConnectorType' },
          attributes: [{ type: 'Actual', value: 'cType2', mutability: 'ReadOnly', persistent: true, constant: true }],
          characteristics: { dataType: 'string', supportsMonitoring: false },
        },
        {
          component: { name: 'SampledDataCtrlr', instance: 'main' },
          variable: { name: 'TxUpdatedInterval', instance: 'x' },
          attributes: [{ type: 'Target', value: '60', mutability: 'ReadWrite', persistent: false, constant: false }],
          characteristics: { unit: 's', dataType: 'integer', minLimit: 1, maxLimit: 3600, supportsMonitoring: true },
        },
      ],
    });
  });

  it('reads a last part without tbc and without report data', () => {
    expect(reportPartOf({ requestId: 7, generatedAt: '2025-06-01T10:00:00Z', seqNo: 2 })).toMatchObject({ tbc: false, variables: [] });
  });
});

describe('NotifyEvent values', () => {
  it('gives each variable its latest actual value', () => {
    const event = (eventId: number, timestamp: string, actualValue: string) => ({
      eventId,
      timestamp,
      trigger: 'Delta' as const,
      actualValue,
      eventNotificationType: 'HardWiredNotification' as const,
      component: { name: 'Connector', evse: { id: 1, connectorId: 1 } },
      variable: { name: 'AvailabilityState' },
    });
    const values = valuesOfEvents({
      generatedAt: '2025-06-01T10:00:00Z',
      seqNo: 0,
      eventData: [event(2, '2025-06-01T10:00:02Z', 'Occupied'), event(1, '2025-06-01T10:00:01Z', 'Available')],
    });
    expect(values).toEqual([{ component: { name: 'Connector', evseId: 1, connectorId: 1 }, variable: { name: 'AvailabilityState' }, type: 'Actual', value: 'Occupied' }]);
  });
});

describe('secret variables', () => {
  it.each([
    ['BasicAuthPassword', true],
    ['AuthorizationKey', true],
    ['HeartbeatInterval', false],
    ['OrganizationName', false],
  ])('%s is a credential: %s', (name, secret) => {
    expect(isSecretVariable(name)).toBe(secret);
  });
});
