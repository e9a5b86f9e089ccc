import type { HandlerTable } from './handler-table';

/**
 * The least a station can truthfully answer to CSMS calls it has no behaviour for: accept, or
 * report that there is nothing. Typed against the generated response types and checked against
 * the schemas by `minimal-responses.spec.ts`, which also asserts that every CSMS-initiated
 * action has either a handler or an entry here.
 */
export const minimalResponses16: HandlerTable<'1.6'> = {
  GetDiagnostics: () => ({}),
  UpdateFirmware: () => ({}),
  SignedUpdateFirmware: () => ({ status: 'Accepted' }),
  GetLog: () => ({ status: 'Accepted' }),
};

export const minimalResponses201: HandlerTable<'2.0.1'> = {
  CostUpdated: () => ({}),
  GetLog: () => ({ status: 'Accepted' }),
  UpdateFirmware: () => ({ status: 'Accepted' }),
};
