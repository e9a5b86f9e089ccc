import type { StationCommand } from '@app/contracts';
import type { OcppVersion } from '@app/ocpp';
import { fromOcppResponse, toOcppCall } from '../commands/mapping';
import { type BodyInit, commandWith, validAnswer } from '../commands/mapping/station-command.fixtures';
import type { Execution } from '../routing/command-execution';
import { deviceModelUpdateOf } from './command-result.updates';

/** The execution the executor would hand the observers: the real mapping both ways, the station's answer schema-checked. */
function answered(version: OcppVersion, body: BodyInit, stationAnswer: object): { command: StationCommand; execution: Execution } {
  const command = commandWith(body);
  const mapping = toOcppCall(version, command);
  if (!mapping.ok) throw new Error(mapping.reason);
  const mapped = fromOcppResponse(version, command, validAnswer(version, mapping.action, stationAnswer));
  return { command, execution: { outcome: { status: mapped.accepted ? 'accepted' : 'rejected', result: mapped.result }, call: { action: mapping.action, payload: mapping.payload } } };
}

const heartbeat = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };
const power = { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } };

describe('device model updates from command answers', () => {
  it('2.0.1 SetVariables: accepted values stored, RebootRequired flagged, refusals kept beside the old value', () => {
    const { command, execution } = answered(
      '2.0.1',
      { case: 'setConfiguration', value: { settings: [{ key: 'OCPPCommCtrlr/HeartbeatInterval', value: '60' }, { key: 'EVSE@1/Power', value: '11000' }, { key: 'Nope/Nothing', value: '1' }] } },
      {
        setVariableResult: [
          { ...heartbeat, attributeStatus: 'Accepted' },
          { ...power, attributeStatus: 'RebootRequired' },
          { component: { name: 'Nope' }, variable: { name: 'Nothing' }, attributeStatus: 'UnknownComponent' },
        ],
      },
    );
    expect(deviceModelUpdateOf(command, execution)).toEqual({
      values: [
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, type: 'Actual', value: '60', rebootRequired: false, setStatus: 'Accepted' },
        { component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' }, type: 'Actual', value: '11000', rebootRequired: true, setStatus: 'RebootRequired' },
      ],
      refused: [{ component: { name: 'Nope' }, variable: { name: 'Nothing' }, type: 'Actual', setStatus: 'UnknownComponent' }],
      removed: [],
    });
  });

  it('2.0.1 GetVariables: values learned, unknown variables removed', () => {
    const { command, execution } = answered(
      '2.0.1',
      { case: 'getConfiguration', value: { keys: ['OCPPCommCtrlr/HeartbeatInterval', 'EVSE@1/Power'] } },
      { getVariableResult: [{ ...heartbeat, attributeStatus: 'Accepted', attributeValue: '300' }, { ...power, attributeStatus: 'UnknownVariable' }] },
    );
    expect(deviceModelUpdateOf(command, execution)).toEqual({
      values: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, type: 'Actual', value: '300' }],
      refused: [],
      removed: [{ component: { name: 'EVSE', evseId: 1 }, variable: { name: 'Power' } }],
    });
  });

  it('1.6 GetConfiguration of every key: the whole configuration component, with readonly as mutability', () => {
    const { command, execution } = answered(
      '1.6',
      { case: 'getConfiguration', value: { keys: [] } },
      { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }, { key: 'NumberOfConnectors', readonly: true, value: '2' }] },
    );
    expect(deviceModelUpdateOf(command, execution)).toEqual({
      values: [],
      refused: [],
      removed: [],
      configuration: [
        { component: { name: 'OCPP16Configuration' }, variable: { name: 'HeartbeatInterval' }, attributes: [{ type: 'Actual', value: '300', mutability: 'ReadWrite' }] },
        { component: { name: 'OCPP16Configuration' }, variable: { name: 'NumberOfConnectors' }, attributes: [{ type: 'Actual', value: '2', mutability: 'ReadOnly' }] },
      ],
    });
  });

  it('1.6 GetConfiguration of some keys: values upserted, unknown keys removed', () => {
    const { command, execution } = answered('1.6', { case: 'getConfiguration', value: { keys: ['HeartbeatInterval', 'Gone'] } }, { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }], unknownKey: ['Gone'] });
    expect(deviceModelUpdateOf(command, execution)).toEqual({
      values: [{ component: { name: 'OCPP16Configuration' }, variable: { name: 'HeartbeatInterval' }, type: 'Actual', value: '300', mutability: 'ReadWrite' }],
      refused: [],
      removed: [{ component: { name: 'OCPP16Configuration' }, variable: { name: 'Gone' } }],
    });
  });

  it.each([
    ['Accepted', 'values'],
    ['RebootRequired', 'values'],
    ['Rejected', 'refused'],
    ['NotSupported', 'refused'],
  ] as const)('1.6 ChangeConfiguration answered %s goes to %s', (status, where) => {
    const { command, execution } = answered('1.6', { case: 'setConfiguration', value: { settings: [{ key: 'HeartbeatInterval', value: '60' }] } }, { status });
    const update = deviceModelUpdateOf(command, execution);
    expect(update?.[where]).toEqual([expect.objectContaining({ component: { name: 'OCPP16Configuration' }, variable: { name: 'HeartbeatInterval' }, setStatus: status })]);
    if (where === 'values') expect(update?.values[0]).toMatchObject({ value: '60', rebootRequired: status === 'RebootRequired' });
  });

  it('learns nothing from other commands or from commands the station did not answer', () => {
    const reset = answered('2.0.1', { case: 'reset', value: {} }, { status: 'Accepted' });
    expect(deviceModelUpdateOf(reset.command, reset.execution)).toBeUndefined();
    const set = commandWith({ case: 'setConfiguration', value: { settings: [{ key: 'OCPPCommCtrlr/HeartbeatInterval', value: '60' }] } });
    expect(deviceModelUpdateOf(set, { outcome: { status: 'timeout' }, call: { action: 'SetVariables', payload: {} } })).toBeUndefined();
  });
});
