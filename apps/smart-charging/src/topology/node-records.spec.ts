import { fieldErrorsOf } from '@app/runtime';
import { type NodeInputIn, nodeInputSchema } from './node-input.schemas';
import { nodeRecordsOf } from './node-records';

const site = { nodeId: 'SITE-001', kind: 'site' as const };
const charger = (stationId: string, extra: { nodeId?: string; wiring?: unknown } = {}) => ({ kind: 'charger' as const, stationId, rating: { maxA: 32, phases: 3 as const }, ...extra }) as NodeInputIn & { kind: 'charger' };
const evse = (evseId: number, extra: Record<string, unknown> = {}): NodeInputIn => ({ kind: 'evse', evseId, maxA: 32, phases: 3, ...extra }) as NodeInputIn;

function parsed(input: NodeInputIn) {
  return nodeInputSchema.parse(input);
}

function recordsOf(children: NodeInputIn[]) {
  return nodeRecordsOf(
    children.map((input, index) => ({ input: parsed(input), path: `body.children[${index}]` })),
    site,
  );
}

function schemaErrors(input: unknown): string[] {
  const result = nodeInputSchema.safeParse(input);
  return result.success ? [] : fieldErrorsOf('body', result.error.issues).map((error) => `${error.field}: ${error.message}`);
}

describe('a node to add', () => {
  it.each([
    [{ kind: 'evse', evseId: 1, minA: 10, maxA: 8, phases: 3 }, 'body.maxA: must be at least minA (10)'],
    [{ kind: 'evse', evseId: 1, minA: -1, maxA: 8, phases: 3 }, 'body.minA: must not be negative'],
    [{ kind: 'evse', evseId: 1, maxA: 16, phases: 2 }, 'body.phases: must be 1 or 3'],
    [{ kind: 'evse', evseId: 0, maxA: 16, phases: 1 }, 'body.evseId: must be at least 1'],
    [{ kind: 'evse', evseId: 1, maxA: 16, phases: 1, children: [] }, 'body.children: unknown field'],
    [{ ...charger('CP-1'), wiring: ['L1', 'L1', 'L3'] }, 'body.wiring: must name L1, L2 and L3 once each (a permutation)'],
    [{ ...charger('CP-1'), wiring: ['L1', 'L2', 'N'] }, 'body.wiring[2]: '],
    [{ ...charger('CP-1'), rating: { maxA: 0, phases: 3 } }, 'body.rating.maxA: must be above 0'],
    [{ kind: 'charger', stationId: 'CP 1', rating: { maxA: 32, phases: 3 } }, 'body.stationId: must be 1-48 characters'],
    [{ kind: 'feeder', nodeId: 'F1', limit: { perPhaseA: [100, 100, -1] } }, 'body.limit.perPhaseA[2]: must not be negative'],
    [{ kind: 'feeder', nodeId: 'F1', limit: {} }, 'body.limit: needs perPhaseA or totalW (or both)'],
    [{ kind: 'feeder' }, 'body.nodeId: '],
    [{ kind: 'substation', nodeId: 'X' }, 'body.kind: must be feeder, cabinet, transformer, charger or evse'],
    [{ kind: 'feeder', nodeId: 'F1', children: [{ kind: 'cabinet', nodeId: 'C 1' }] }, 'body.children[0].nodeId: must be 1-64 letters'],
  ])('refuses %j: %s', (input, expected) => {
    expect(schemaErrors(input).join('\n')).toContain(expected);
  });

  it('fills in an EVSE’s minimum (6 A) and priority (0)', () => {
    expect(parsed(evse(1))).toMatchObject({ minA: 6, priority: 0 });
  });
});

describe('nodeRecordsOf', () => {
  it('flattens a nested tree parents first, defaulting charger ids to the station id, EVSE ids to <charger>:<evse> and wiring to L1-L2-L3', () => {
    const { records, errors } = recordsOf([{ kind: 'feeder', nodeId: 'F1', limit: { totalW: 50_000 }, children: [{ ...charger('CP-1'), children: [evse(1), evse(2, { nodeId: 'CP-1-right' })] }] }]);
    expect(errors).toEqual([]);
    expect(records.map((record) => [record.nodeId, record.kind, record.parentId])).toEqual([
      ['F1', 'feeder', 'SITE-001'],
      ['CP-1', 'charger', 'F1'],
      ['CP-1:1', 'evse', 'CP-1'],
      ['CP-1-right', 'evse', 'CP-1'],
    ]);
    expect(records[0]).toMatchObject({ limit: { totalW: 50_000 }, stationId: null, evseId: null });
    expect(records[1]).toMatchObject({ stationId: 'CP-1', wiring: ['L1', 'L2', 'L3'], rating: { maxA: 32, phases: 3 }, minA: null });
    expect(records[2]).toMatchObject({ evseId: 1, minA: 6, maxA: 32, phases: 3, priority: 0, stationId: null });
  });

  it('names every misplaced node with the kinds involved', () => {
    const { errors } = recordsOf([evse(1), { kind: 'feeder', nodeId: 'F1', children: [{ ...charger('CP-1'), children: [{ kind: 'cabinet', nodeId: 'K1' }] }] }]);
    expect(errors).toEqual([
      { field: 'body.children[0].kind', message: 'an evse must be under a charger, not under site SITE-001' },
      { field: 'body.children[1].children[0].children[0].kind', message: 'a cabinet must be under the site, a feeder, a cabinet or a transformer, not under charger CP-1' },
    ]);
  });

  it('refuses ids, station ids and EVSE ids given twice in the request', () => {
    const { errors } = recordsOf([
      { kind: 'feeder', nodeId: 'F1' },
      { kind: 'feeder', nodeId: 'F1' },
      { ...charger('CP-1'), children: [evse(1), evse(1, { nodeId: 'other' })] },
      charger('CP-1', { nodeId: 'CP-1b' }),
    ]);
    expect(errors).toEqual([
      { field: 'body.children[1].nodeId', message: '"F1" is also the id of body.children[0]' },
      { field: 'body.children[2].children[1].evseId', message: 'EVSE 1 of CP-1 is also body.children[2].children[0]' },
      { field: 'body.children[3].stationId', message: 'station CP-1 is also the charger at body.children[2]' },
    ]);
  });

  it('asks for a node id where the default cannot be one, and refuses a nested parentId', () => {
    const { errors } = recordsOf([charger('CP*1'), { kind: 'feeder', nodeId: 'F1', children: [{ kind: 'feeder', nodeId: 'F2', parentId: 'F1' }] }]);
    expect(errors).toEqual([
      { field: 'body.children[0].nodeId', message: 'is required here: the station id "CP*1" cannot be a node id (1-64 letters, digits, ".", "_", ":" or "-")' },
      { field: 'body.children[1].children[0].parentId', message: 'leave it out: a nested node is under the node that holds it' },
    ]);
  });
});
