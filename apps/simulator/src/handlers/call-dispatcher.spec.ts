import { OcppErrorKind, type OcppVersion, actionsOf, initiatorOf, validateResponse } from '@app/ocpp';
import { callDispatcher, handlerFor } from './call-dispatcher';
import { minimalResponses16, minimalResponses201 } from './minimal-responses';
import type { StationControl } from './station-control';

const csmsActions = (version: OcppVersion): string[] => actionsOf(version).filter((action) => initiatorOf(version, action) !== 'station');

/** Requests for the minimal responses that echo something back. */
const requests: Readonly<Record<string, object>> = {
  ClearVariableMonitoring: { id: [3, 4] },
  SetVariableMonitoring: {
    setMonitoringData: [{ id: 1, value: 5, type: 'UpperThreshold', severity: 3, component: { name: 'EVSE' }, variable: { name: 'Power' } }],
  },
};

// Minimal responses ignore the station; a stand-in that fails loudly if one does not.
const noStation = new Proxy({} as StationControl, {
  get: (_target, property) => {
    throw new Error(`a minimal response touched station.${String(property)}`);
  },
});

describe.each(['1.6', '2.0.1'] as const)('CSMS calls in OCPP %s', (version) => {
  it.each(csmsActions(version))('%s has a handler', (action) => {
    expect(handlerFor(version, action)).toBeDefined();
  });

  const minimal = Object.keys(version === '1.6' ? minimalResponses16 : minimalResponses201);

  it.each(minimal)('the minimal answer to %s is schema-valid', async (action) => {
    const handler = handlerFor(version, action);
    const response = await handler?.(requests[action] ?? {}, noStation);
    expect(validateResponse(version, action, response)).toEqual({ ok: true });
  });

  it('answers an action it does not know with NotImplemented', async () => {
    await expect(callDispatcher(version, noStation)('Frobnicate', {})).rejects.toMatchObject({ kind: OcppErrorKind.NotImplemented });
  });
});
