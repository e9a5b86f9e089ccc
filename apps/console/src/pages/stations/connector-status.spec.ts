import { connectorShortName, connectorSpokenName, plugConnectors } from './connector-status';

describe('connector status', () => {
  const connectors = [
    { evseId: 2, connectorId: 1, status: 'Occupied' as const },
    { evseId: 0, connectorId: 0, status: 'Available' as const },
    { evseId: 1, connectorId: 1, status: 'Available' as const },
  ];

  it('lists the plugs by EVSE and connector, without the station itself', () => {
    expect(plugConnectors(connectors).map(connectorShortName)).toEqual(['1/1', '2/1']);
    expect(plugConnectors(undefined)).toEqual([]);
  });

  it('names a connector in words for screen readers', () => {
    expect(connectorSpokenName(connectors[0])).toBe('EVSE 2 connector 1: Occupied');
  });
});
