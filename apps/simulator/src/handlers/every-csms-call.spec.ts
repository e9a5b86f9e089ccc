import { type OcppVersion, actionsOf, initiatorOf } from '@app/ocpp';
import { buildExample, loadSchema } from '@app/ocpp/testing';
import { SimulatedStation } from '../simulated-station';
import { TestCsms } from '../testing/test-csms';

const csmsActions = (version: OcppVersion): string[] => actionsOf(version).filter((action) => initiatorOf(version, action) !== 'station');

/**
 * Every CSMS-initiated action of each version, with the smallest request its schema allows (the
 * library's schema-driven example builder), sent to a live station: the answer must be a
 * CALLRESULT the CSMS-side session accepts, i.e. schema-valid.
 */
describe.each(['1.6', '2.0.1'] as const)('a station answering every CSMS call of OCPP %s', (version) => {
  let csms: TestCsms;
  let station: SimulatedStation;
  const id = `ALL-${version.replaceAll('.', '')}`;

  beforeAll(async () => {
    csms = await TestCsms.start();
    station = new SimulatedStation({ id, version, connection: { url: csms.url, securityProfile: 0 }, resetBehaviour: 'acknowledge' });
    await station.connect();
    await station.boot();
  });

  afterAll(async () => {
    await station.dispose();
    await csms.close();
  });

  it.each(csmsActions(version))('answers %s with a valid response', async (action) => {
    const request = buildExample(loadSchema(version, action, 'request'));
    await expect(csms.call(id, action, request)).resolves.toBeInstanceOf(Object);
  });

  it('reported no protocol issue while doing so', () => {
    expect(station.counters.protocolIssues).toBe(0);
  });
});
