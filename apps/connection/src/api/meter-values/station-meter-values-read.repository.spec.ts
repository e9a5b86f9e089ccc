import type { DataSource } from 'typeorm';
import { StationMeterValuesReadRepository } from './station-meter-values-read.repository';

function repository() {
  const queries: { sql: string; parameters: unknown[] }[] = [];
  const dataSource = {
    query: async (sql: string, parameters: unknown[] = []) => {
      queries.push({ sql, parameters });
      return [];
    },
  };
  return { reads: new StationMeterValuesReadRepository(dataSource as unknown as DataSource), queries };
}

describe('StationMeterValuesReadRepository.list', () => {
  it('reads one station’s samples in the order of their unique index, filtered', async () => {
    const { reads, queries } = repository();
    const from = new Date('2025-06-01T00:00:00Z');
    await reads.list({ stationId: 'CP-1', evseId: 2, measurand: 'Power.Active.Import', from, limit: 11 });
    const { sql, parameters } = queries[0] ?? { sql: '', parameters: [] };
    expect(sql).toContain('station_id = $1 AND evse_id = $2 AND measurand = $3 AND sampled_at >= $4');
    expect(sql).toContain('ORDER BY evse_id, sampled_at DESC, measurand DESC, phase DESC, location DESC, context DESC');
    expect(parameters).toEqual(['CP-1', 2, 'Power.Active.Import', from, 11]);
  });

  it('continues after the cursor: a later EVSE, or further back on the same one', async () => {
    const { reads, queries } = repository();
    await reads.list({ stationId: 'CP-1', after: ['1', '2025-06-01 10:00:00.5+00', 'Voltage', 'L1-N', 'Outlet', 'Sample.Periodic'], limit: 3 });
    const { sql, parameters } = queries[0] ?? { sql: '', parameters: [] };
    expect(sql).toContain('(evse_id > $2 OR (evse_id = $3 AND (sampled_at, measurand, phase, location, context) < ($4::timestamptz, $5, $6, $7, $8)))');
    expect(parameters).toEqual(['CP-1', 1, 1, '2025-06-01 10:00:00.5+00', 'Voltage', 'L1-N', 'Outlet', 'Sample.Periodic', 3]);
  });
});
