import type { HandlerTable } from './handler-table';

/**
 * The least a station can truthfully answer to CSMS calls it has no behaviour for: accept, or
 * report that there is nothing. Typed against the generated response types and checked against
 * the schemas by `minimal-responses.spec.ts`, which also asserts that every CSMS-initiated
 * action has either a handler or an entry here.
 */
export const minimalResponses16: HandlerTable<'1.6'> = {
  CancelReservation: () => ({ status: 'Accepted' }),
  ReserveNow: () => ({ status: 'Accepted' }),
  GetDiagnostics: () => ({}),
  UpdateFirmware: () => ({}),
  SignedUpdateFirmware: () => ({ status: 'Accepted' }),
  GetLog: () => ({ status: 'Accepted' }),
};

export const minimalResponses201: HandlerTable<'2.0.1'> = {
  CancelReservation: () => ({ status: 'Accepted' }),
  ReserveNow: () => ({ status: 'Accepted' }),
  ClearDisplayMessage: () => ({ status: 'Unknown' }),
  GetDisplayMessages: () => ({ status: 'Unknown' }),
  SetDisplayMessage: () => ({ status: 'Accepted' }),
  CostUpdated: () => ({}),
  CustomerInformation: () => ({ status: 'Accepted' }),
  GetMonitoringReport: () => ({ status: 'EmptyResultSet' }),
  GetLog: () => ({ status: 'Accepted' }),
  UpdateFirmware: () => ({ status: 'Accepted' }),
  PublishFirmware: () => ({ status: 'Accepted' }),
  UnpublishFirmware: () => ({ status: 'NoFirmware' }),
  SetMonitoringBase: () => ({ status: 'Accepted' }),
  SetMonitoringLevel: () => ({ status: 'Accepted' }),
  ClearVariableMonitoring: (request) => {
    const [first, ...rest] = request.id;
    return { clearMonitoringResult: [{ id: first, status: 'NotFound' }, ...rest.map((id) => ({ id, status: 'NotFound' as const }))] };
  },
  SetVariableMonitoring: (request) => {
    const result = ({ id, type, severity, component, variable }: (typeof request.setMonitoringData)[number]) => {
      const entry = { type, severity, component, variable, status: 'UnsupportedMonitorType' as const };
      return id === undefined ? entry : { ...entry, id };
    };
    const [first, ...rest] = request.setMonitoringData;
    return { setMonitoringResult: [result(first), ...rest.map(result)] };
  },
};
