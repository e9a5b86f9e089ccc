import type { Tenancy } from '@app/runtime';
import { ownership, stationsIn } from './station-owned.repository';

describe('ownership', () => {
  it('tells the tenant’s objects (its stations’) from others’ and unknown ids', () => {
    const rows = [
      { id: 'CERT-1', station_id: 'ACME-1' },
      { id: 'CERT-2', station_id: 'GLOBEX-1' },
    ];
    expect(ownership(['CERT-1', 'CERT-2', 'CERT-3'], rows, 'acme', ['ACME-1', 'ACME-2'])).toEqual(
      new Map<string, Tenancy>([
        ['CERT-1', { tenant: 'acme' }],
        ['CERT-2', { tenant: null }],
        ['CERT-3', 'absent'],
      ]),
    );
  });
});

describe('stationsIn', () => {
  it('adds no condition for a caller who sees every station, and binds the list otherwise', () => {
    const values: unknown[] = [];
    const bind = (value: unknown) => `$${values.push(value)}`;
    expect(stationsIn('station_id', undefined, bind)).toEqual([]);
    expect(stationsIn('station_id', [], bind)).toEqual(['station_id = ANY($1::text[])']);
    expect(values).toEqual([[]]);
  });
});
