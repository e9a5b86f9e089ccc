import { encodeCursor } from '@app/runtime';
import type { TransactionFilter, TransactionReadRepository, TransactionRow } from './transaction-read.repository';
import { TransactionsService } from './transactions.service';

function row(stationId: string, transactionId: string, state: 'active' | 'ended' = 'ended', latestRegisterWh: number | null = null): TransactionRow {
  return {
    station_id: stationId,
    transaction_id: transactionId,
    state,
    evse_id: 1,
    connector_id: 1,
    id_token: 'TAG-OK',
    id_token_type: 'ISO14443',
    started_at: new Date('2025-06-01T10:00:00Z'),
    stopped_at: state === 'ended' ? new Date('2025-06-01T10:45:00Z') : null,
    meter_start_wh: 1000,
    meter_stop_wh: state === 'ended' ? 17_500 : null,
    energy_wh: state === 'ended' ? 16_500 : 0,
    stopped_reason: null,
    charging_state: null,
    offline: false,
    remote_start_id: null,
    updated_at: new Date('2025-06-01T10:45:00Z'),
    created_key: '2025-06-01 10:00:00.123456+00',
    latest_register_wh: latestRegisterWh,
  };
}

function setup(found: TransactionRow[]) {
  const filters: TransactionFilter[] = [];
  const reads = {
    list: jest.fn(async (filter: TransactionFilter) => {
      filters.push(filter);
      return found;
    }),
    find: jest.fn(async () => found),
    samples: jest.fn(async () => ({
      count: 1,
      rows: [{ sampled_at: new Date('2025-06-01T10:15:00Z'), evse_id: 1, measurand: 'Energy.Active.Import.Register', phase: '', location: 'Outlet', context: 'Sample.Periodic', value: 6500, unit: 'Wh' }],
    })),
  };
  return { service: new TransactionsService(reads as unknown as TransactionReadRepository), filters, reads };
}

describe('TransactionsService', () => {
  it('pages newest first with a cursor on (created_at, station, transaction)', async () => {
    const { service, filters } = setup([row('CP-1', '2'), row('CP-1', '1')]);
    const page = await service.list({ stationId: 'CP-1', active: false, limit: 1 });
    expect(filters[0]).toMatchObject({ stationId: 'CP-1', active: false, limit: 2 });
    expect(page.items.map((item) => item.transactionId)).toEqual(['2']);
    expect(page.nextCursor).toBe(encodeCursor(['2025-06-01 10:00:00.123456+00', 'CP-1', '2']));
  });

  it('gives a transaction with its energy and meter samples', async () => {
    const { service } = setup([row('CP-1', '7', 'active', 6500)]);
    const result = await service.get('7', {});
    expect(result).toMatchObject({
      ok: true,
      value: {
        stationId: 'CP-1',
        transactionId: '7',
        energyWh: 5500,
        meterSampleCount: 1,
        meterSamples: [{ at: '2025-06-01T10:15:00.000Z', measurand: 'Energy.Active.Import.Register', phase: null, location: 'Outlet', value: 6500, unit: 'Wh' }],
      },
    });
  });

  it('gives an active transaction the same energy in the list as in its detail', async () => {
    const { service } = setup([row('CP-1', '7', 'active', 6500)]);
    const listed = await service.list({ limit: 10 });
    const detail = await service.get('7', {});
    expect(listed.items[0]?.energyWh).toBe(5500);
    expect(detail).toMatchObject({ ok: true, value: { energyWh: listed.items[0]?.energyWh } });
  });

  it('asks for the station when two stations have a transaction with the same id', async () => {
    const { service } = setup([row('CP-1', 'tx-1'), row('CP-2', 'tx-1')]);
    expect(await service.get('tx-1', {})).toMatchObject({ ok: false, error: { code: 'transaction-ambiguous', details: { stationIds: ['CP-1', 'CP-2'] } } });
  });

  it('says when there is no such transaction', async () => {
    const { service } = setup([]);
    expect(await service.get('404', { stationId: 'CP-1' })).toMatchObject({ ok: false, error: { code: 'transaction-not-found', message: 'no transaction 404 at station CP-1' } });
  });
});
