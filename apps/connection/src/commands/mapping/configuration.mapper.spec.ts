import { fromOcppResponse } from './from-ocpp-response';
import { commandWith, expectCall, expectRefusal, validAnswer } from './station-command.fixtures';

const getConfiguration = (...keys: string[]) => commandWith({ case: 'getConfiguration', value: { keys } });
const setConfiguration = (...settings: [string, string][]) =>
  commandWith({ case: 'setConfiguration', value: { settings: settings.map(([key, value]) => ({ key, value })) } });

describe('get configuration', () => {
  it('maps to a 1.6 GetConfiguration of the keys, or of every key', () => {
    expectCall('1.6', getConfiguration('HeartbeatInterval', 'MeterValueSampleInterval'), {
      action: 'GetConfiguration',
      payload: { key: ['HeartbeatInterval', 'MeterValueSampleInterval'] },
    });
    expectCall('1.6', getConfiguration(), { action: 'GetConfiguration', payload: {} });
  });

  it('maps to 2.0.1 GetVariables of parsed component/variable names', () => {
    expectCall('2.0.1', getConfiguration('OCPPCommCtrlr/HeartbeatInterval', 'Connector@1.2/Available'), {
      action: 'GetVariables',
      payload: {
        getVariableData: [
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
          { component: { name: 'Connector', evse: { id: 1, connectorId: 2 } }, variable: { name: 'Available' } },
        ],
      },
    });
  });

  it('refuses 2.0.1 names without a component, and an empty 2.0.1 key list', () => {
    expectRefusal('2.0.1', getConfiguration('HeartbeatInterval'), '"HeartbeatInterval" is not an OCPP 2.0.1 variable name');
    expectRefusal('2.0.1', getConfiguration(), 'GetVariables needs at least one variable name');
  });

  it('answers 1.6 keys with their values and read-only flags, and the unknown keys', () => {
    const answer = validAnswer('1.6', 'GetConfiguration', {
      configurationKey: [
        { key: 'HeartbeatInterval', readonly: false, value: '300' },
        { key: 'NumberOfConnectors', readonly: true, value: '2' },
        { key: 'AuthorizationKey', readonly: false },
      ],
      unknownKey: ['Colour'],
    });
    expect(fromOcppResponse('1.6', getConfiguration(), answer)).toStrictEqual({
      accepted: true,
      result: {
        status: 'Accepted',
        settings: [
          { key: 'HeartbeatInterval', value: '300', readonly: false },
          { key: 'NumberOfConnectors', value: '2', readonly: true },
          { key: 'AuthorizationKey', readonly: false },
        ],
        unknownKeys: ['Colour'],
        failedKeys: [],
      },
    });
  });

  it('answers 2.0.1 variables under their neutral names, sorted into found, unknown and failed', () => {
    const answer = validAnswer('2.0.1', 'GetVariables', {
      getVariableResult: [
        { attributeStatus: 'Accepted', attributeValue: '300', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
        { attributeStatus: 'Accepted', attributeValue: 'true', component: { name: 'Connector', evse: { id: 1, connectorId: 2 } }, variable: { name: 'Available' } },
        { attributeStatus: 'UnknownVariable', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'Colour' } },
        { attributeStatus: 'UnknownComponent', component: { name: 'Toaster', instance: 'left' }, variable: { name: 'Heat' } },
        { attributeStatus: 'Rejected', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } },
      ],
    });
    expect(fromOcppResponse('2.0.1', getConfiguration('x/y'), answer)).toStrictEqual({
      accepted: true,
      result: {
        status: 'Accepted',
        settings: [
          { key: 'OCPPCommCtrlr/HeartbeatInterval', value: '300' },
          { key: 'Connector@1.2/Available', value: 'true' },
        ],
        unknownKeys: ['OCPPCommCtrlr/Colour', 'Toaster.left/Heat'],
        failedKeys: [{ key: 'SecurityCtrlr/BasicAuthPassword', status: 'Rejected', stationStatus: 'Rejected' }],
      },
    });
  });
});

describe('set configuration', () => {
  it('maps one setting to a 1.6 ChangeConfiguration', () => {
    expectCall('1.6', setConfiguration(['HeartbeatInterval', '300']), { action: 'ChangeConfiguration', payload: { key: 'HeartbeatInterval', value: '300' } });
  });

  it('refuses several settings in 1.6 (one key per ChangeConfiguration, one result per command), and none in either version', () => {
    expectRefusal('1.6', setConfiguration(['A', '1'], ['B', '2']), 'sets one key per call, not 2: send one set_configuration per key');
    expectRefusal('1.6', setConfiguration(), 'has no settings');
    expectRefusal('2.0.1', setConfiguration(), 'has no settings');
  });

  it('maps settings to 2.0.1 SetVariables', () => {
    expectCall('2.0.1', setConfiguration(['OCPPCommCtrlr/HeartbeatInterval', '300'], ['EVSE@1/AllowReset', 'false']), {
      action: 'SetVariables',
      payload: {
        setVariableData: [
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' },
          { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AllowReset' }, attributeValue: 'false' },
        ],
      },
    });
    expectRefusal('2.0.1', setConfiguration(['HeartbeatInterval', '300']), 'is not an OCPP 2.0.1 variable name');
  });

  it('answers the 1.6 status per key, RebootRequired counting as accepted', () => {
    const answer = validAnswer('1.6', 'ChangeConfiguration', { status: 'RebootRequired' });
    expect(fromOcppResponse('1.6', setConfiguration(['WebSocketPingInterval', '60']), answer)).toStrictEqual({
      accepted: true,
      result: {
        status: 'RebootRequired',
        stationStatus: 'RebootRequired',
        settings: [{ key: 'WebSocketPingInterval', status: 'RebootRequired', stationStatus: 'RebootRequired' }],
      },
    });
  });

  it('answers 2.0.1 statuses per variable, accepted only when every one is', () => {
    const command = setConfiguration(['OCPPCommCtrlr/HeartbeatInterval', '300'], ['SecurityCtrlr/Identity', 'x']);
    const answer = validAnswer('2.0.1', 'SetVariables', {
      setVariableResult: [
        { attributeStatus: 'Accepted', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
        {
          attributeStatus: 'Rejected',
          attributeStatusInfo: { reasonCode: 'ReadOnly' },
          component: { name: 'SecurityCtrlr' },
          variable: { name: 'Identity' },
        },
      ],
    });
    expect(fromOcppResponse('2.0.1', command, answer)).toStrictEqual({
      accepted: false,
      result: {
        status: 'Rejected',
        settings: [
          { key: 'OCPPCommCtrlr/HeartbeatInterval', status: 'Accepted', stationStatus: 'Accepted' },
          { key: 'SecurityCtrlr/Identity', status: 'Rejected', stationStatus: 'Rejected', statusInfo: { reasonCode: 'ReadOnly' } },
        ],
      },
    });
  });

  it('answers RebootRequired when every 2.0.1 variable was set and one needs a reboot', () => {
    const answer = validAnswer('2.0.1', 'SetVariables', {
      setVariableResult: [
        { attributeStatus: 'Accepted', component: { name: 'A' }, variable: { name: 'B' } },
        { attributeStatus: 'RebootRequired', component: { name: 'C' }, variable: { name: 'D' } },
      ],
    });
    const mapped = fromOcppResponse('2.0.1', setConfiguration(['A/B', '1'], ['C/D', '2']), answer);
    expect(mapped.accepted).toBe(true);
    expect(mapped.result['status']).toBe('RebootRequired');
  });
});
