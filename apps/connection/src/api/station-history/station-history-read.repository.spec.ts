import type { DataSource } from 'typeorm';
import { StationHistoryReadRepository } from './station-history-read.repository';

function repository() {
  const queries: { sql: string; parameters: unknown[] }[] = [];
  const dataSource = {
    query: async (sql: string, parameters: unknown[] = []) => {
      queries.push({ sql, parameters });
      return [];
    },
  };
  return { reads: new StationHistoryReadRepository(dataSource as unknown as DataSource), queries };
}

const branchOf = (sql: string, kind: string) => sql.split('UNION ALL').find((branch) => branch.includes(`'${kind}' AS kind`)) ?? '';

describe('StationHistoryReadRepository.list', () => {
  it('merges the kinds asked for, newest first, each from its own table', async () => {
    const { reads, queries } = repository();
    await reads.list({ stationId: 'CP-1', kinds: ['boot', 'connection'], limit: 11 });
    const sql = queries[0]?.sql ?? '';
    expect(sql).toContain('"connection"."station_boot_history"');
    expect(sql).toContain('"connection"."station_connection_history"');
    expect(sql).not.toContain('connector_status_history');
    expect(sql).toMatch(/ORDER BY at DESC, kind DESC, id DESC LIMIT \$2$/);
    expect(queries[0]?.parameters).toEqual(['CP-1', 11]);
  });

  it('continues each kind after the cursor on its own index range', async () => {
    const { reads, queries } = repository();
    await reads.list({ stationId: 'CP-1', kinds: ['boot', 'status', 'connection'], before: ['2025-06-01 10:00:00.5+00', 'connection', '42'], limit: 3 });
    const sql = queries[0]?.sql ?? '';
    // Order at one instant: status, connection, boot (kind DESC).
    expect(branchOf(sql, 'status')).toContain('at < $4::timestamptz');
    expect(branchOf(sql, 'connection')).toContain('(at, id) < ($5::timestamptz, $6::bigint)');
    expect(branchOf(sql, 'boot')).toContain('at <= $3::timestamptz');
  });

  it('reads notifications from their own table with their fields', async () => {
    const { reads, queries } = repository();
    await reads.list({ stationId: 'CP-1', kinds: ['notification'], limit: 5 });
    const sql = queries[0]?.sql ?? '';
    expect(sql).toContain('"connection"."station_notification_history"');
    expect(branchOf(sql, 'notification')).toContain("'vendorId', vendor_id");
  });

  it('filters every kind by time', async () => {
    const { reads, queries } = repository();
    const from = new Date('2025-06-01T00:00:00Z');
    const to = new Date('2025-06-02T00:00:00Z');
    await reads.list({ stationId: 'CP-1', kinds: ['status'], from, to, limit: 5 });
    expect(queries[0]?.sql).toContain('station_id = $1 AND at >= $3 AND at < $4');
    expect(queries[0]?.parameters).toEqual(['CP-1', 5, from, to]);
  });
});
