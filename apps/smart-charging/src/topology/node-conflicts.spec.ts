import { evseConflicts, idConflicts, stationConflicts } from './node-conflicts';
import { type NodeRecord, emptyNodeFields } from './topology.model';

const charger = (nodeId: string, stationId: string): NodeRecord => ({ ...emptyNodeFields, nodeId, kind: 'charger', parentId: 'S', stationId, wiring: ['L1', 'L2', 'L3'], rating: { maxA: 32, phases: 3 } });
const evse = (nodeId: string, parentId: string, evseId: number): NodeRecord => ({ ...emptyNodeFields, nodeId, kind: 'evse', parentId, evseId, minA: 6, maxA: 32, phases: 3, priority: 0 });
const paths = new Map([
  ['C2', 'body.children[0]'],
  ['E9', 'body.children[0].children[0]'],
]);

describe('conflicts with what the site has', () => {
  it('finds ids the site has already', () => {
    expect(idConflicts([charger('C2', 'CP-2')], paths, [{ nodeId: 'C2' }], 'S')).toEqual([{ field: 'body.children[0].nodeId', message: 'site S has a node C2 already' }]);
    expect(idConflicts([charger('C2', 'CP-2')], paths, [{ nodeId: 'C1' }], 'S')).toEqual([]);
  });

  it('finds an EVSE id its charger has already, and not the node itself', () => {
    expect(evseConflicts([evse('E9', 'C1', 1)], paths, [evse('E1', 'C1', 1)])).toEqual([{ field: 'body.children[0].children[0].evseId', message: 'charger C1 has EVSE 1 already (node E1)' }]);
    expect(evseConflicts([evse('E9', 'C1', 2)], paths, [evse('E1', 'C1', 1)])).toEqual([]);
    expect(evseConflicts([evse('E1', 'C1', 1)], paths, [evse('E1', 'C1', 1)])).toEqual([]);
  });

  it('finds a station that is a charger already, in any site, and not the node itself', () => {
    const holders = [{ siteId: 'OTHER', nodeId: 'X', stationId: 'CP-2' }];
    expect(stationConflicts([charger('C2', 'CP-2')], paths, holders, 'S')).toEqual([{ field: 'body.children[0].stationId', message: 'station CP-2 is the charger X of site OTHER already' }]);
    expect(stationConflicts([charger('C2', 'CP-2')], paths, [{ siteId: 'S', nodeId: 'C2', stationId: 'CP-2' }], 'S')).toEqual([]);
  });
});
