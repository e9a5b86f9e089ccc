import { addressOfKey, variableKeyOf } from './variable-key';

describe('variable keys', () => {
  it.each([
    [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }, 'OCPPCommCtrlr/HeartbeatInterval'],
    [{ component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' } }, 'EVSE@1/Power'],
    [{ component: { name: 'Connector', evseId: 1, connectorId: 2 }, variable: { name: 'ConnectorType' } }, 'Connector@1.2/ConnectorType'],
    [{ component: { name: 'OCPPCommCtrlr', instance: 'main' }, variable: { name: 'MessageTimeout', instance: 'Default' } }, 'OCPPCommCtrlr.main/MessageTimeout.Default'],
  ])('%j is %s, and back', (address, key) => {
    expect(variableKeyOf(address)).toBe(key);
    expect(addressOfKey(key)).toEqual(address);
  });

  it('reads no address from what is not a variable name', () => {
    expect(addressOfKey('HeartbeatInterval')).toBeUndefined();
    expect(addressOfKey('EVSE@x/Power')).toBeUndefined();
  });
});
