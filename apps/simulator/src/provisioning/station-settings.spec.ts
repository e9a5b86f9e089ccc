import { SettingChange, StationSettings, settingDefinitions } from './station-settings';

function settings(): StationSettings {
  const initial = Object.fromEntries(settingDefinitions.map((definition) => [definition.name, definition.kind === 'boolean' ? 'false' : '1']));
  return new StationSettings(initial as ConstructorParameters<typeof StationSettings>[0]);
}

describe('StationSettings', () => {
  it('finds a setting by its 1.6 key and by its 2.0.1 component and variable, ignoring case', () => {
    const store = settings();
    expect(store.byKey('MeterValueSampleInterval')).toBe(store.byVariable('sampleddatactrlr', 'TXUPDATEDINTERVAL'));
    expect(store.byKey('Unknown')).toBeUndefined();
    expect(store.byVariable('OCPPCommCtrlr', 'Nope')).toBeUndefined();
  });

  it('keeps device-model variables 1.6 has no key for out of reach of 1.6', () => {
    const store = settings();
    expect(store.byVariable('ChargingStation', 'SupplyPhases')?.name).toBe('SupplyPhases');
    expect(store.byKey('SupplyPhases')).toBeUndefined();
    expect(store.byKey('ConnectorSwitch3to1PhaseSupported')).toBe(store.byVariable('SmartChargingCtrlr', 'Phases3to1'));
  });

  it('accepts valid values, refuses read-only and ill-typed ones, and tells listeners', () => {
    const store = settings();
    const heard: string[] = [];
    store.onChange((name, value) => heard.push(`${name}=${value}`));
    expect(store.change(store.byKey('HeartbeatInterval'), '30')).toBe(SettingChange.Accepted);
    expect(store.change(store.byKey('HeartbeatInterval'), 'soon')).toBe(SettingChange.Rejected);
    expect(store.change(store.byKey('AuthorizeRemoteTxRequests'), 'yes')).toBe(SettingChange.Rejected);
    expect(store.change(store.byKey('NumberOfConnectors'), '4')).toBe(SettingChange.ReadOnly);
    expect(store.change(undefined, '4')).toBe(SettingChange.Unknown);
    expect(store.integer('HeartbeatInterval')).toBe(30);
    expect(heard).toEqual(['HeartbeatInterval=30']);
  });
});
