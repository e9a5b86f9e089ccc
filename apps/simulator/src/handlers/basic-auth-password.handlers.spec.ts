import { SimulatedStation } from '../simulated-station';
import { TestCsms } from '../testing/test-csms';

const CONFIGURED = 'configured-password-1';
const NEW_PASSWORD = 'Rotated_Password-0123456789abcdef';

describe.each(['1.6', '2.0.1'] as const)('a station told its new Basic password over OCPP %s', (version) => {
  let csms: TestCsms;
  let station: SimulatedStation;
  const id = `PW-${version.replaceAll('.', '')}`;

  beforeEach(async () => {
    csms = await TestCsms.start();
    station = new SimulatedStation({ id, version, connection: { url: csms.url, securityProfile: 1, password: CONFIGURED } });
    await station.connect();
  });

  afterEach(async () => {
    await station.dispose();
    await csms.close();
  });

  const setPassword = (value: string) =>
    version === '1.6'
      ? csms.call(id, 'ChangeConfiguration', { key: 'AuthorizationKey', value: Buffer.from(value).toString('hex') })
      : csms.call(id, 'SetVariables', { setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: value }] });

  const accepted = version === '1.6' ? { status: 'Accepted' } : { setVariableResult: [expect.objectContaining({ attributeStatus: 'Accepted' })] };
  const rejected = version === '1.6' ? { status: 'Rejected' } : { setVariableResult: [expect.objectContaining({ attributeStatus: 'Rejected' })] };
  const passwordOfNextConnection = () => station.connectionSettingsFor({ url: csms.url }).password;

  it('accepts it and connects with it from then on', async () => {
    expect(passwordOfNextConnection()).toBe(CONFIGURED);
    expect(await setPassword(NEW_PASSWORD.slice(0, 20))).toEqual(accepted);
    expect(passwordOfNextConnection()).toBe(NEW_PASSWORD.slice(0, 20));
  });

  it('refuses one that is too short and keeps the old one', async () => {
    expect(await setPassword('short-password')).toEqual(rejected);
    expect(passwordOfNextConnection()).toBe(CONFIGURED);
  });

  it('never reads it back', async () => {
    await setPassword(NEW_PASSWORD.slice(0, 20));
    const read =
      version === '1.6'
        ? await csms.call(id, 'GetConfiguration', { key: ['AuthorizationKey'] })
        : await csms.call(id, 'GetVariables', { getVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] });
    expect(JSON.stringify(read)).not.toContain(NEW_PASSWORD.slice(0, 20));
  });
});
