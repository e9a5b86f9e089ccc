import { encodeCursor } from '@app/runtime';
import type { StationReadRepository } from '../stations/station-read.repository';
import type { HistoryFilter, HistoryRow, StationHistoryReadRepository } from './station-history-read.repository';
import { StationHistoryService } from './station-history.service';

const rows: HistoryRow[] = [
  { kind: 'status', id: '9', at: new Date('2025-06-01T10:05:00Z'), at_key: '2025-06-01 10:05:00+00', details: { evseId: 1, connectorId: 1, status: 'Occupied', ocppStatus: 'Charging', errorCode: 'NoError', info: null, vendorErrorCode: null } },
  { kind: 'boot', id: '3', at: new Date('2025-06-01T10:00:00Z'), at_key: '2025-06-01 10:00:00+00', details: { vendor: 'Acme', model: 'AC', serialNumber: null, firmwareVersion: null, bootReason: null, status: 'Pending', statusReason: 'awaiting-acceptance' } },
];

function setup(registered: boolean) {
  const filters: HistoryFilter[] = [];
  const reads = {
    list: async (filter: HistoryFilter) => {
      filters.push(filter);
      return rows;
    },
  };
  const stations = { exists: async () => registered };
  return { service: new StationHistoryService(reads as unknown as StationHistoryReadRepository, stations as unknown as StationReadRepository), filters };
}

describe('StationHistoryService', () => {
  it('pages every kind newest first, with a cursor on (at, kind, id)', async () => {
    const { service, filters } = setup(true);
    const result = await service.list('CP-1', { limit: 1 });
    expect(filters[0]).toMatchObject({ stationId: 'CP-1', kinds: ['boot', 'status', 'connection', 'notification'], limit: 2 });
    expect(result).toEqual({
      ok: true,
      value: {
        items: [{ kind: 'status', at: '2025-06-01T10:05:00.000Z', evseId: 1, connectorId: 1, status: 'Occupied', ocppStatus: 'Charging', errorCode: 'NoError', info: null, vendorErrorCode: null }],
        nextCursor: encodeCursor(['2025-06-01 10:05:00+00', 'status', '9']),
      },
    });
  });

  it('reads only the kind asked for', async () => {
    const { service, filters } = setup(true);
    await service.list('CP-1', { kind: 'connection' });
    expect(filters[0]?.kinds).toEqual(['connection']);
  });

  it('answers station-not-found for a station that is not registered', async () => {
    expect(await setup(false).service.list('CP-X', {})).toMatchObject({ ok: false, error: { code: 'station-not-found' } });
  });
});
