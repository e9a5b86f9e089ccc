import type { ApiPrincipal } from '@app/runtime';
import type { LimitScheduleRepository, NodeLimitsRow } from './limit-schedule.repository';
import type { LimitScheduleStore } from './limit-schedule.store';
import { LimitsService } from './limits.service';

const stored = { nodeId: 'F1', source: 'operator', default: null, slots: [], version: 3, updatedBy: 'ops', updatedAt: new Date('2025-06-01T10:00:00Z') };

function setup(row?: NodeLimitsRow) {
  const replaced: unknown[][] = [];
  const store = {
    replace: jest.fn(async (...args: unknown[]) => {
      replaced.push(args);
      return { ok: true, value: { created: false, schedule: stored } };
    }),
    remove: jest.fn(async () => ({ ok: true, value: stored })),
    notFound: jest.fn(async () => ({ ok: false, error: { code: 'node-not-found' } })),
  };
  const schedules = { nodeLimits: jest.fn(async () => row) };
  const service = new LimitsService(store as unknown as LimitScheduleStore, schedules as unknown as LimitScheduleRepository);
  return { service, store, replaced };
}

const operator: ApiPrincipal = { name: 'ops', roles: ['operator'] };
const dso: ApiPrincipal = { name: 'dso', roles: ['grid-operator'], sites: ['SITE-001'] };
const body = { default: { totalW: 1000 }, slots: [], version: 3 };

describe('LimitsService', () => {
  it('writes the schedule of the source the caller may write, as the caller, with the version it replaces', async () => {
    const { service, replaced } = setup();
    expect(await service.replace(dso, 'SITE-001', 'F1', 'grid-operator', body)).toMatchObject({ ok: true, value: { created: false, schedule: { source: 'operator', version: 3 } } });
    expect(replaced).toEqual([['SITE-001', 'F1', 'grid-operator', { default: { totalW: 1000 }, slots: [] }, 'dso', { expectedVersion: 3 }]]);
  });

  it.each([
    [operator, 'grid-operator', 'the token "ops" may not write grid-operator limits of site SITE-001: that takes a grid-operator token granted the site, or admin'],
    [dso, 'operator', 'the token "dso" may not write operator limits: that takes the operator role'],
  ] as const)('refuses a source the caller may not write (403), writing nothing', async (principal, source, message) => {
    const { service, store } = setup();
    expect(await service.replace(principal, 'SITE-001', 'F1', source, body)).toMatchObject({ ok: false, error: { code: 'limit-source-forbidden', message } });
    expect(await service.remove(principal, 'SITE-001', 'F1', source, undefined)).toMatchObject({ ok: false, error: { code: 'limit-source-forbidden' } });
    expect(store.replace).not.toHaveBeenCalled();
    expect(store.remove).not.toHaveBeenCalled();
  });

  it('shows the node’s limits with the effective limit now and at the instant asked for', async () => {
    const row: NodeLimitsRow = {
      limit_l1_a: 125,
      limit_l2_a: 125,
      limit_l3_a: 125,
      limit_total_w: null,
      schedules: [
        {
          node_id: 'F1',
          source: 'grid-operator',
          default_limit: { perPhaseA: [100, 100, 100] },
          slots: [{ start: '2025-06-01T16:00:00.000Z', durationS: 3600, perPhaseA: [50, 60, 130] }],
          version: 2,
          updated_by: 'dso',
          updated_at: '2025-06-01T09:00:00.123456+00:00',
        },
      ],
    };
    const { service } = setup(row);
    const result = await service.overview('SITE-001', 'F1', new Date('2025-06-01T16:30:00Z'), new Date('2025-06-01T12:00:00Z'));
    expect(result).toMatchObject({
      ok: true,
      value: {
        nodeLimit: { perPhaseA: [125, 125, 125] },
        schedules: [{ siteId: 'SITE-001', source: 'grid-operator', version: 2, updatedBy: 'dso', updatedAt: '2025-06-01T09:00:00.123Z' }],
        effectiveNow: { at: '2025-06-01T12:00:00.000Z', perPhaseA: [100, 100, 100], totalW: null },
        effectiveAt: { at: '2025-06-01T16:30:00.000Z', perPhaseA: [50, 60, 125], boundBy: { perPhaseA: ['grid-operator', 'grid-operator', 'node'], totalW: null } },
      },
    });
  });

  it('says which of site and node is missing', async () => {
    const { service } = setup(undefined);
    expect(await service.overview('SITE-001', 'NOPE', undefined, new Date())).toMatchObject({ ok: false, error: { code: 'node-not-found' } });
  });
});
