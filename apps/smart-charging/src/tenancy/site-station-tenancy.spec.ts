import { dispatchableStations, stationsOutsideTenant } from './site-station-tenancy';

describe('which stations a site of a tenant may hold', () => {
  const tenantStations = new Set(['CP-A1', 'CP-A2']);

  it('accepts the stations the tenant holds', () => {
    expect(stationsOutsideTenant([{ stationId: 'CP-A1', field: 'body.children[0].stationId' }, { stationId: 'CP-A2', field: 'body.children[1].stationId' }], tenantStations)).toEqual([]);
  });

  it('refuses another tenant’s, an unassigned and an unknown station with the same words, naming each field', () => {
    const errors = stationsOutsideTenant(
      [
        { stationId: 'CP-B1', field: 'body.children[0].stationId' },
        { stationId: 'CP-A1', field: 'body.children[1].stationId' },
        { stationId: 'CP-NEVER', field: 'body.children[2].stationId' },
      ],
      tenantStations,
    );
    expect(errors).toEqual([
      { field: 'body.children[0].stationId', message: "station CP-B1 is not registered in the site's tenant" },
      { field: 'body.children[2].stationId', message: "station CP-NEVER is not registered in the site's tenant" },
    ]);
  });

  it('refuses every station when the tenant holds none', () => {
    expect(stationsOutsideTenant([{ stationId: 'CP-A1', field: 'body.stationId' }], new Set())).toHaveLength(1);
  });
});

describe('which stations of a plan get profiles', () => {
  const wishes = [{ stationId: 'CP-A1' }, { stationId: 'CP-B1' }, { stationId: 'CP-A2' }];

  it('sends to every station of a site without a tenant', () => {
    expect(dispatchableStations(wishes, undefined)).toEqual({ allowed: wishes, withheld: [] });
  });

  it('withholds the stations the site’s tenant does not hold (any more)', () => {
    expect(dispatchableStations(wishes, new Set(['CP-A1', 'CP-A2']))).toEqual({ allowed: [{ stationId: 'CP-A1' }, { stationId: 'CP-A2' }], withheld: ['CP-B1'] });
  });
});
