import { encodeCursor } from '@app/runtime';
import type { SecurityEventFilter, SecurityEventRepository, SecurityEventRow } from './security-event.repository';
import { SecurityEventsService } from './security-events.service';

const row = (eventId: string): SecurityEventRow => ({
  event_id: eventId,
  station_id: 'CP-1',
  type: 'InvalidCredentials',
  occurred_at: new Date('2025-06-01T12:00:00.250Z'),
  tech_info: 'wrong station id or password',
  raised_by_csms: true,
  received_at: new Date('2025-06-01T12:00:01Z'),
  occurred_key: '2025-06-01 12:00:00.25+00',
});

describe('SecurityEventsService', () => {
  it('pages newest first with a cursor on (occurred_at, event id), passing the filters on', async () => {
    const filters: SecurityEventFilter[] = [];
    const repository = {
      list: async (filter: SecurityEventFilter) => {
        filters.push(filter);
        return [row('e2'), row('e1')];
      },
    };
    const service = new SecurityEventsService(repository as unknown as SecurityEventRepository);
    const page = await service.list({ stationId: 'CP-1', type: 'InvalidCredentials', limit: 1 });
    expect(filters[0]).toEqual({ stationId: 'CP-1', type: 'InvalidCredentials', from: undefined, to: undefined, before: undefined, limit: 2 });
    expect(page).toEqual({
      items: [
        {
          eventId: 'e2',
          stationId: 'CP-1',
          type: 'InvalidCredentials',
          at: '2025-06-01T12:00:00.250Z',
          techInfo: 'wrong station id or password',
          raisedByCsms: true,
          receivedAt: '2025-06-01T12:00:01.000Z',
        },
      ],
      nextCursor: encodeCursor(['2025-06-01 12:00:00.25+00', 'e2']),
    });
  });
});
