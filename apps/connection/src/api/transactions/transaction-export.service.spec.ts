import type { EndedTransactionFilter, EndedTransactionRow, TransactionExportRepository } from './transaction-export.repository';
import { EXPORT_PAGE_SIZE, TransactionExportService } from './transaction-export.service';

function row(index: number): EndedTransactionRow {
  const stoppedAt = new Date(Date.UTC(2025, 5, 1, 10, 0, index));
  return {
    station_id: 'CP-1',
    transaction_id: String(index),
    state: 'ended',
    evse_id: 1,
    connector_id: 1,
    id_token: 'TAG',
    id_token_type: 'ISO14443',
    started_at: new Date(stoppedAt.getTime() - 60_000),
    stopped_at: stoppedAt,
    meter_start_wh: 0,
    meter_stop_wh: 100,
    energy_wh: 100,
    stopped_reason: 'Local',
    charging_state: null,
    offline: false,
    remote_start_id: null,
    updated_at: stoppedAt,
    created_key: '2025-06-01 10:00:00+00',
    latest_register_wh: null,
    stopped_key: `key-${index}`,
  };
}

function setup(total: number) {
  const filters: EndedTransactionFilter[] = [];
  const all = Array.from({ length: total }, (_, index) => row(index));
  const reads = {
    page: jest.fn(async (filter: EndedTransactionFilter) => {
      filters.push(filter);
      const start = filter.after === undefined ? 0 : all.findIndex((candidate) => candidate.stopped_key === filter.after?.[0]) + 1;
      return all.slice(start, start + filter.limit);
    }),
  };
  return { service: new TransactionExportService(reads as unknown as TransactionExportRepository), filters };
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const collected: string[] = [];
  for await (const chunk of chunks) collected.push(chunk);
  return collected;
}

describe('TransactionExportService', () => {
  it('pages through every ended transaction by keyset, one query per page', async () => {
    const { service, filters } = setup(EXPORT_PAGE_SIZE * 2 + 3);
    const file = await service.export({ format: 'json', stationId: 'CP-1' });
    const records = JSON.parse((await collect(file.chunks)).join('')) as { transactionId: string }[];
    expect(records.map((record) => record.transactionId)).toEqual(Array.from({ length: EXPORT_PAGE_SIZE * 2 + 3 }, (_, index) => String(index)));
    expect(filters.map((filter) => filter.after)).toEqual([
      undefined,
      [`key-${EXPORT_PAGE_SIZE - 1}`, 'CP-1', String(EXPORT_PAGE_SIZE - 1)],
      [`key-${EXPORT_PAGE_SIZE * 2 - 1}`, 'CP-1', String(EXPORT_PAGE_SIZE * 2 - 1)],
    ]);
    expect(filters.every((filter) => filter.stationId === 'CP-1' && filter.limit === EXPORT_PAGE_SIZE)).toBe(true);
  });

  it('reads the first page before answering and each further page only when the one before has been taken', async () => {
    const { service, filters } = setup(EXPORT_PAGE_SIZE + 1);
    const file = await service.export({ format: 'csv' });
    expect(filters).toHaveLength(1);
    const iterator = file.chunks[Symbol.asyncIterator]();
    await iterator.next(); // header
    await iterator.next(); // first page
    expect(filters).toHaveLength(1);
    await iterator.next(); // second page
    expect(filters).toHaveLength(2);
  });

  it('asks one more time after a full last page, and ends on the empty answer', async () => {
    const { service, filters } = setup(EXPORT_PAGE_SIZE);
    const lines = (await collect((await service.export({ format: 'csv' })).chunks)).join('').split('\r\n');
    expect(lines).toHaveLength(EXPORT_PAGE_SIZE + 2);
    expect(filters).toHaveLength(2);
  });

  it('names the file after the format and the time of the export', async () => {
    const { service } = setup(0);
    const file = await service.export({ format: 'csv' }, undefined, new Date('2025-06-01T10:00:00.123Z'));
    expect(file).toMatchObject({ contentType: 'text/csv; charset=utf-8; header=present', filename: 'charge-detail-records-20250601T100000Z.csv' });
    expect((await collect(file.chunks)).join('')).toBe(
      'stationId,transactionId,evseId,connectorId,idToken,idTokenType,startedAt,stoppedAt,durationSeconds,meterStartWh,meterStopWh,energyWh,stoppedReason\r\n',
    );
  });
});
