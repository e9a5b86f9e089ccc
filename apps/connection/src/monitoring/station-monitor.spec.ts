import type { Ocpp201 } from '@app/ocpp';
import { monitorsCleared, monitorsOfReport, monitorsSet } from './station-monitor';

describe('monitors from OCPP messages', () => {
  it('flattens a NotifyMonitoringReport part to one monitor per variableMonitoring', () => {
    const part: Ocpp201.NotifyMonitoringReportRequest = {
      requestId: 1,
      seqNo: 0,
      generatedAt: '2025-06-01T10:00:00Z',
      monitor: [
        {
          component: { name: 'EVSE', instance: 'main', evse: { id: 1, connectorId: 2 } },
          variable: { name: 'Power', instance: 'L1' },
          variableMonitoring: [
            { id: 1, transaction: false, value: 22000, type: 'UpperThreshold', severity: 4 },
            { id: 2, transaction: true, value: 60, type: 'Periodic', severity: 8 },
          ],
        },
      ],
    };
    expect(monitorsOfReport(part)).toEqual([
      { monitorId: 1, component: { name: 'EVSE', instance: 'main', evseId: 1, connectorId: 2 }, variable: { name: 'Power', instance: 'L1' }, type: 'UpperThreshold', value: 22000, severity: 4, transaction: false },
      { monitorId: 2, component: { name: 'EVSE', instance: 'main', evseId: 1, connectorId: 2 }, variable: { name: 'Power', instance: 'L1' }, type: 'Periodic', value: 60, severity: 8, transaction: true },
    ]);
    expect(monitorsOfReport({ requestId: 1, seqNo: 0, generatedAt: '2025-06-01T10:00:00Z' })).toEqual([]);
  });

  it('keeps the accepted monitors of a SetVariableMonitoring answer, with the ids the station gave and the values asked', () => {
    const request: Ocpp201.SetVariableMonitoringRequest = {
      setMonitoringData: [
        { value: 22000, type: 'UpperThreshold', severity: 2, component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' }, transaction: true },
        { value: 5, type: 'Delta', severity: 7, component: { name: 'Nope' }, variable: { name: 'Power' } },
      ],
    };
    const response: Ocpp201.SetVariableMonitoringResponse = {
      setMonitoringResult: [
        { id: 11, status: 'Accepted', type: 'UpperThreshold', severity: 2, component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } },
        { status: 'UnknownComponent', type: 'Delta', severity: 7, component: { name: 'Nope' }, variable: { name: 'Power' } },
      ],
    };
    expect(monitorsSet(request, response)).toEqual([
      { monitorId: 11, component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' }, type: 'UpperThreshold', value: 22000, severity: 2, transaction: true },
    ]);
  });

  it('removes the monitors ClearVariableMonitoring cleared or the station did not know, not those it refused', () => {
    const response: Ocpp201.ClearVariableMonitoringResponse = {
      clearMonitoringResult: [
        { id: 1, status: 'Accepted' },
        { id: 2, status: 'NotFound' },
        { id: 3, status: 'Rejected' },
      ],
    };
    expect(monitorsCleared(response)).toEqual([1, 2]);
  });
});
