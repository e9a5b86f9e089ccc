import { validateRequest, validateResponse } from '@app/ocpp';
import { configuration201 } from '../handlers/configuration.handlers';
import { deviceModel201 } from '../handlers/device-model.handlers';
import type { StationControl } from '../handlers/station-control';
import { type SettingName, StationSettings, settingDefinitions } from '../provisioning/station-settings';
import { ITEMS_PER_REPORT_MESSAGE } from './device-report';

function station(evseCount = 2) {
  const initial = Object.fromEntries(settingDefinitions.map((definition) => [definition.name, definition.kind === 'boolean' ? 'true' : '1'])) as Record<SettingName, string>;
  const sent: { action: string; payload: object }[] = [];
  const tasks: (() => Promise<unknown>)[] = [];
  const control = {
    settings: new StationSettings(initial),
    evseCount,
    now: () => Date.parse('2025-06-01T10:00:00Z'),
    afterAnswer: (task: () => Promise<unknown>) => tasks.push(task),
    send: async (action: string, payload: object) => {
      sent.push({ action, payload });
      return {};
    },
  };
  // The handlers use only these members of a station.
  return { control: control as unknown as StationControl, sent, runAfterAnswer: async () => Promise.all(tasks.map((task) => task())) };
}

const reports = (sent: { action: string; payload: object }[]) => sent.filter((call) => call.action === 'NotifyReport').map((call) => call.payload as { seqNo: number; tbc: boolean; reportData: object[] });

describe('simulated 2.0.1 device model', () => {
  it('answers GetBaseReport FullInventory with schema-valid NotifyReport parts: seqNo from 0, tbc on all but the last', async () => {
    const { control, sent, runAfterAnswer } = station();
    const answer = await deviceModel201.GetBaseReport?.({ requestId: 5, reportBase: 'FullInventory' }, control);
    expect(answer).toEqual({ status: 'Accepted' });
    expect(sent).toEqual([]);
    await runAfterAnswer();
    const parts = reports(sent);
    const variables = parts.flatMap((part) => part.reportData);
    expect(variables.length).toBeGreaterThanOrEqual(40);
    expect(parts.map((part) => part.seqNo)).toEqual(parts.map((_part, index) => index));
    expect(parts.map((part) => part.tbc)).toEqual([...parts.slice(1).map(() => true), false]);
    expect(parts.every((part) => part.reportData.length <= ITEMS_PER_REPORT_MESSAGE)).toBe(true);
    for (const part of parts) expect(validateRequest('2.0.1', 'NotifyReport', part)).toEqual({ ok: true });
    expect(variables).toContainEqual(
      expect.objectContaining({
        component: { name: 'EVSE', evse: { id: 2 } },
        variable: { name: 'Power' },
        variableAttribute: [expect.objectContaining({ type: 'Actual', value: '0' }), expect.objectContaining({ type: 'MaxSet', value: '22000' })],
        variableCharacteristics: expect.objectContaining({ unit: 'W', dataType: 'decimal' }),
      }),
    );
  });

  it('reports only settable variables in a ConfigurationInventory, and a WriteOnly one without its value', async () => {
    const { control, sent, runAfterAnswer } = station(1);
    await deviceModel201.GetBaseReport?.({ requestId: 6, reportBase: 'ConfigurationInventory' }, control);
    await runAfterAnswer();
    const data = reports(sent).flatMap((part) => part.reportData) as { variable: { name: string }; variableAttribute: { mutability: string; value?: string }[] }[];
    expect(data.every((entry) => entry.variableAttribute[0]?.mutability !== 'ReadOnly')).toBe(true);
    expect(data.find((entry) => entry.variable.name === 'BasicAuthPassword')?.variableAttribute[0]).toEqual({ type: 'Actual', mutability: 'WriteOnly', persistent: true, constant: false });
  });

  it('answers GetReport for what matches, EmptyResultSet for nothing', async () => {
    const { control, sent, runAfterAnswer } = station();
    expect(await deviceModel201.GetReport?.({ requestId: 7, componentVariable: [{ component: { name: 'Connector', evse: { id: 1 } } }] }, control)).toEqual({ status: 'Accepted' });
    await runAfterAnswer();
    expect(reports(sent).flatMap((part) => part.reportData)).toHaveLength(3);
    expect(await deviceModel201.GetReport?.({ requestId: 8, componentVariable: [{ component: { name: 'Nothing' } }] }, control)).toEqual({ status: 'EmptyResultSet' });
  });

  it('gets and sets the further variables with GetVariables / SetVariables, checking mutability and characteristics', async () => {
    const { control } = station();
    const set = await configuration201.SetVariables?.(
      {
        setVariableData: [
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' }, attributeValue: '45' },
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'WebSocketPingInterval' }, attributeValue: '30' },
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'RetryBackOffRepeatTimes' }, attributeValue: '99' },
          { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' }, attributeValue: '1' },
          { component: { name: 'EVSE', evse: { id: 9 } }, variable: { name: 'Power' }, attributeValue: '1' },
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '60' },
        ],
      },
      control,
    );
    expect(validateResponse('2.0.1', 'SetVariables', set)).toEqual({ ok: true });
    expect(set?.setVariableResult.map((result) => result.attributeStatus)).toEqual(['Accepted', 'RebootRequired', 'Rejected', 'Rejected', 'UnknownVariable', 'Accepted']);
    expect(control.settings.value('HeartbeatInterval')).toBe('60');
    const got = await configuration201.GetVariables?.(
      {
        getVariableData: [
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' } },
          { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } },
          { component: { name: 'Connector', evse: { id: 2, connectorId: 1 } }, variable: { name: 'ConnectorType' } },
        ],
      },
      control,
    );
    expect(got?.getVariableResult.map((result) => [result.attributeStatus, result.attributeValue])).toEqual([
      ['Accepted', '45'],
      ['Rejected', undefined],
      ['Accepted', 'cType2'],
    ]);
  });
});
