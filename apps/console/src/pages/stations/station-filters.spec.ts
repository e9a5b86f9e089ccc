import { apiQueryOfFilters, defaultFilters, filtersFromSearch, narrows, searchOfFilters } from './station-filters';

describe('station list filters', () => {
  it('reads every filter from the address and ignores values it does not know', () => {
    const filters = filtersFromSearch(new URLSearchParams('q=CP-1&connected=no&protocol=ocpp1.6&securityProfile=2&registrationStatus=pending&connectorStatus=Faulted&size=500'));
    expect(filters).toEqual({ q: 'CP-1', connected: 'no', protocol: 'ocpp1.6', securityProfile: '2', registrationStatus: 'pending', connectorStatus: 'Faulted', pageSize: 500 });
    expect(filtersFromSearch(new URLSearchParams('connected=maybe&protocol=ocpp3&securityProfile=9&size=7'))).toEqual(defaultFilters);
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const search = searchOfFilters({ ...defaultFilters, q: ' CP ', connected: 'yes' }, new URLSearchParams('view=pending&size=200'));
    expect(search.toString()).toBe('view=pending&q=CP&connected=yes');
    expect(searchOfFilters(defaultFilters).toString()).toBe('');
  });

  it('round-trips through the address', () => {
    const filters = { ...defaultFilters, q: 'x', protocol: 'ocpp2.0.1' as const, pageSize: 50 as const };
    expect(filtersFromSearch(searchOfFilters(filters))).toEqual(filters);
  });

  it('asks the API only for the filters that are set', () => {
    expect(apiQueryOfFilters(defaultFilters)).toEqual({ q: undefined, connected: undefined, protocol: undefined, securityProfile: undefined, registrationStatus: undefined, connectorStatus: undefined, limit: 100 });
    expect(apiQueryOfFilters({ ...defaultFilters, connected: 'no', securityProfile: '0', connectorStatus: 'Occupied' })).toMatchObject({ connected: false, securityProfile: 0, connectorStatus: 'Occupied' });
  });

  it('knows when a filter narrows the list; the page size does not', () => {
    expect(narrows({ ...defaultFilters, pageSize: 500 })).toBe(false);
    expect(narrows({ ...defaultFilters, registrationStatus: 'rejected' })).toBe(true);
  });
});
