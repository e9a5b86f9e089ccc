import type { StoredNode } from '../topology/topology.model';
import { limitedNodes, stationPlaceOf } from './station-place';

const node = (nodeId: string, kind: StoredNode['kind'], parentId: string | null, evseId: number | null = null) => ({ nodeId, kind, parentId, evseId }) as StoredNode;
const nodes = [node('SITE', 'site', null), node('C1', 'charger', 'SITE'), node('C1:1', 'evse', 'C1', 1), node('C1:2', 'evse', 'C1', 2), node('C2:1', 'evse', 'C2', 1)];

describe('limitedNodes', () => {
  const place = stationPlaceOf('SITE', 'C1', nodes);

  it('puts an EVSE’s limit on its node, or on the charger when the topology does not list that EVSE', () => {
    expect(limitedNodes(place, 2, 'tx')).toEqual(['C1:2']);
    expect(limitedNodes(place, 3)).toEqual(['C1']);
  });

  it('puts the whole station’s limit on the charger, but a station-wide TxDefaultProfile on each of its EVSEs', () => {
    expect(limitedNodes(place, 0, 'station-max')).toEqual(['C1']);
    expect(limitedNodes(place, 0)).toEqual(['C1']);
    expect(limitedNodes(place, 0, 'tx-default')).toEqual(['C1:1', 'C1:2']);
    expect(limitedNodes(stationPlaceOf('SITE', 'C2', [node('C2', 'charger', 'SITE')]), 0, 'tx-default')).toEqual(['C2']);
  });
});
