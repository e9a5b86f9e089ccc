import { createServer } from 'node:net';
import { SimulatedStation } from './simulated-station';
import { TestCsms } from './testing/test-csms';

const ID = 'SIM-SLOTS';
const priority = (value: string) => ({ setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: value }] });
const profile = (slot: number, url: string, securityProfile = 0) => ({
  configurationSlot: slot,
  connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: url, messageTimeout: 30, securityProfile, ocppInterface: 'Wired0' },
});

/** A ws URL nobody listens on: the port was free a moment ago and is closed again. */
function deadUrl(): Promise<string> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(`ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 1}/ocpp`));
    });
  });
}

describe('SimulatedStation network profiles (2.0.1 B09/B10)', () => {
  let first: TestCsms;
  let second: TestCsms;
  let station: SimulatedStation;

  beforeEach(async () => {
    [first, second] = await Promise.all([TestCsms.start(), TestCsms.start()]);
    station = new SimulatedStation({ id: ID, version: '2.0.1', connection: { url: first.url, securityProfile: 0 }, minBootRetryMs: 10 });
    await station.connect();
    await station.boot();
  });

  afterEach(async () => {
    await station.dispose();
    await Promise.all([first.close(), second.close()]);
  });

  it('stores a profile in a free slot, refuses the active slot and a priority naming an empty slot', async () => {
    await expect(first.call(ID, 'SetNetworkProfile', profile(1, second.url))).resolves.toEqual({ status: 'Rejected' });
    await expect(first.call(ID, 'SetNetworkProfile', profile(2, second.url))).resolves.toEqual({ status: 'Accepted' });
    const refused = await first.call(ID, 'SetVariables', priority('3,1'));
    expect(refused).toMatchObject({ setVariableResult: [{ attributeStatus: 'Rejected' }] });
    expect(station.settings.value('NetworkConfigurationPriority')).toBe('1');
  });

  it('refuses a profile the station could not connect with (TLS profile on a ws URL)', async () => {
    const answer = await first.call(ID, 'SetNetworkProfile', profile(2, second.url, 2));
    expect(answer).toMatchObject({ status: 'Rejected', statusInfo: { reasonCode: 'InvalidConfSlot' } });
  });

  it('reconnects through the first slot of the priority after Reset', async () => {
    await first.call(ID, 'SetNetworkProfile', profile(2, second.url));
    await expect(first.call(ID, 'SetVariables', priority('2,1'))).resolves.toMatchObject({ setVariableResult: [{ attributeStatus: 'Accepted' }] });
    await expect(first.call(ID, 'Reset', { type: 'Immediate' })).resolves.toEqual({ status: 'Accepted' });
    const boot = await second.waitFor((call) => call.action === 'BootNotification');
    expect(boot.payload.reason).toBe('RemoteReset');
    expect(station.networkProfiles.activeSlot).toBe(2);
  });

  it('falls back to the next slot when the first one cannot be reached', async () => {
    await first.call(ID, 'SetNetworkProfile', profile(2, await deadUrl()));
    await first.call(ID, 'SetVariables', priority('2,1'));
    await first.call(ID, 'Reset', { type: 'Immediate' });
    const boot = await first.waitFor((call) => call.action === 'BootNotification' && call.payload.reason === 'RemoteReset');
    expect(boot.stationId).toBe(ID);
    expect(station.networkProfiles.activeSlot).toBe(1);
  });
});

describe('SimulatedStation SecurityProfile (1.6 security whitepaper)', () => {
  let csms: TestCsms;
  let station: SimulatedStation;

  beforeEach(async () => {
    csms = await TestCsms.start();
    station = new SimulatedStation({ id: 'SIM-16-SP', version: '1.6', connection: { url: csms.url, securityProfile: 1, password: 'simulated-password-16' }, minBootRetryMs: 10 });
    await station.connect();
  });

  afterEach(async () => {
    await station.dispose();
    await csms.close();
  });

  it('is never lowered, and raised to TLS only with a CSMS root installed', async () => {
    await expect(csms.call('SIM-16-SP', 'ChangeConfiguration', { key: 'SecurityProfile', value: '0' })).resolves.toEqual({ status: 'Rejected' });
    await expect(csms.call('SIM-16-SP', 'ChangeConfiguration', { key: 'SecurityProfile', value: '2' })).resolves.toEqual({ status: 'Rejected' });
    expect(station.settings.value('SecurityProfile')).toBe('1');
  });
});
