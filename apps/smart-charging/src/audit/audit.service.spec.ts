import { encodeCursor } from '@app/runtime';
import type { AuditFilter, AuditLogRepository, AuditRow } from './audit-log.repository';
import { AuditService } from './audit.service';

const row = (id: string): AuditRow => ({
  id,
  site_id: 'SITE-001',
  node_id: 'F1',
  source: 'grid-operator',
  action: 'limits-replaced',
  actor: 'dso',
  at: new Date('2025-06-01T12:00:00Z'),
  before: null,
  after: { default: null, slots: [], version: 1 },
});

describe('AuditService', () => {
  it('pages newest first by id, passing the filters on', async () => {
    const filters: AuditFilter[] = [];
    const log = {
      list: async (filter: AuditFilter) => {
        filters.push(filter);
        return [row('12'), row('11')];
      },
    };
    const page = await new AuditService(log as unknown as AuditLogRepository).list('SITE-001', { nodeId: 'F1', source: 'grid-operator', cursor: ['20'], limit: 1 });
    expect(filters).toEqual([{ siteId: 'SITE-001', nodeId: 'F1', source: 'grid-operator', from: undefined, to: undefined, beforeId: '20', limit: 2 }]);
    expect(page).toEqual({
      items: [
        {
          id: '12',
          at: '2025-06-01T12:00:00.000Z',
          actor: 'dso',
          action: 'limits-replaced',
          siteId: 'SITE-001',
          nodeId: 'F1',
          source: 'grid-operator',
          before: null,
          after: { default: null, slots: [], version: 1 },
        },
      ],
      nextCursor: encodeCursor(['12']),
    });
  });
});
