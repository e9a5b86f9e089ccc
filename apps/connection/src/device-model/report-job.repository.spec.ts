import type { DataSource } from 'typeorm';
import { ReportJobRepository } from './report-job.repository';

/** A database whose request-id sequence hands out 77, 78, 79, ... and where `taken` ids already have a job for the station. */
function database(taken: readonly number[]) {
  let next = 77;
  const tried: number[] = [];
  const dataSource = {
    query: async (sql: string, parameters: unknown[]) => {
      const requestId = next++;
      tried.push(requestId);
      if (!sql.includes('ON CONFLICT (station_id, request_id) DO NOTHING')) {
        if (taken.includes(requestId)) throw new Error('duplicate key value violates unique constraint "device_model_report_pkey"');
      } else if (taken.includes(requestId)) return [];
      const now = new Date();
      return [{ station_id: parameters[0], request_id: requestId, kind: parameters[1], report_base: parameters[2], criteria: null, status: 'requested', station_status: null, error: null, actor: parameters[4], parts_received: 0, variables_stored: null, requested_at: now, updated_at: now, completed_at: null }];
    },
  } as unknown as DataSource;
  return { dataSource, tried };
}

describe('ReportJobRepository.create', () => {
  it('skips a request id the station already used for a report it sent unasked, instead of failing', async () => {
    const { dataSource, tried } = database([77, 78]);
    const job = await new ReportJobRepository(dataSource).create({ stationId: 'CS-1', kind: 'base', reportBase: 'FullInventory', actor: 'noc' });
    expect(job).toMatchObject({ stationId: 'CS-1', requestId: 79, kind: 'base', status: 'requested' });
    expect(tried).toEqual([77, 78, 79]);
  });
});
