import { parseVariableName, variableNameOf } from './variable-name';

describe('2.0.1 variable names', () => {
  it.each([
    ['OCPPCommCtrlr/HeartbeatInterval', { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }],
    ['EVSE@1/Power', { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } }],
    ['Connector@1.2/Available', { component: { name: 'Connector', evse: { id: 1, connectorId: 2 } }, variable: { name: 'Available' } }],
    ['FiscalMetering.main/EnergyImport.L1', { component: { name: 'FiscalMetering', instance: 'main' }, variable: { name: 'EnergyImport', instance: 'L1' } }],
    ['Ctrlr.a.b@3/Var.x.y', { component: { name: 'Ctrlr', instance: 'a.b', evse: { id: 3 } }, variable: { name: 'Var', instance: 'x.y' } }],
  ])('reads %s and writes it back the same', (name, address) => {
    expect(parseVariableName(name)).toStrictEqual({ ok: true, value: address });
    expect(variableNameOf(address.component, address.variable)).toBe(name);
  });

  it.each(['HeartbeatInterval', '/Variable', 'Component/', 'Component./Variable', 'Component/Variable.', 'EVSE@/Power', 'EVSE@x/Power', 'EVSE@1.2.3/Power'])(
    'refuses %s',
    (name) => {
      expect(parseVariableName(name)).toEqual({ ok: false, reason: expect.stringContaining(`"${name}" is not an OCPP 2.0.1 variable name`) });
    },
  );
});
