import type { DataSource } from 'typeorm';
import { CommandLogRepository, finalRecords } from './command-log.repository';
import type { CommandRecord } from './command-record';

function record(commandId: string, status: CommandRecord['status'], replica = 0): CommandRecord {
  return {
    commandId,
    stationId: 'CP-1',
    originService: 'connection',
    actor: null,
    command: 'reset',
    action: status === 'not-connected' ? null : 'Reset',
    request: status === 'not-connected' ? null : { type: 'Soft' },
    issuedAt: new Date('2025-06-01T10:00:00Z'),
    completedAt: new Date('2025-06-01T10:00:01Z'),
    status,
    response: null,
    errorCode: null,
    errorDescription: null,
    replica,
  };
}

describe('finalRecords', () => {
  it('keeps one record per command: the run that reached the station over a not-connected one', () => {
    const kept = finalRecords([record('c1', 'not-connected', 0), record('c1', 'accepted', 1), record('c1', 'not-connected', 2), record('c2', 'timeout')]);
    expect(kept.map((row) => [row.commandId, row.status, row.replica])).toEqual([
      ['c1', 'accepted', 1],
      ['c2', 'timeout', 0],
    ]);
  });
});

describe('CommandLogRepository.insert', () => {
  it('writes a batch in one statement that never lets a not-connected record replace a run', async () => {
    const queries: { sql: string; parameters: unknown[][] }[] = [];
    const dataSource = { query: async (sql: string, parameters: unknown[][]) => void queries.push({ sql, parameters }) } as unknown as DataSource;
    await new CommandLogRepository(dataSource).insert([record('c1', 'accepted'), record('c2', 'not-connected')]);
    expect(queries).toHaveLength(1);
    expect(queries[0]?.sql).toContain(`WHERE logged.status = 'not-connected'`);
    expect(queries[0]?.parameters[0]).toEqual(['c1', 'c2']);
    expect(queries[0]?.parameters[6]).toEqual(['{"type":"Soft"}', null]);
    expect(queries[0]?.parameters[7]).toEqual(['2025-06-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z']);
  });
});
