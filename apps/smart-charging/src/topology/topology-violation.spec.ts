import { topologyErrorOfViolation } from './topology-violation';

describe('topologyErrorOfViolation', () => {
  it('names the topology error of a constraint the database refused, as pg or TypeORM report it', () => {
    expect(topologyErrorOfViolation({ code: '23505', constraint: 'node_station_key' })).toMatchObject({ code: 'station-assigned', details: { constraint: 'node_station_key' } });
    expect(topologyErrorOfViolation({ driverError: { constraint: 'node_no_cycle' } })).toMatchObject({ code: 'invalid-topology' });
  });

  it('leaves every other error alone', () => {
    expect(topologyErrorOfViolation(new Error('connection lost'))).toBeUndefined();
    expect(topologyErrorOfViolation({ constraint: 'something_else' })).toBeUndefined();
    expect(topologyErrorOfViolation(undefined)).toBeUndefined();
  });
});
