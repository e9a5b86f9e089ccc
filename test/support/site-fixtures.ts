import type { Json } from './operator-api-client';

/**
 * A site of three feeders behind one grid connection, as one POST /api/sites body: a charger
 * straight under F1, one behind a cabinet on F2 wired L2-L3-L1, a single-phase one behind a
 * transformer on F3 wired L3-L1-L2; EVSEs with their currents, phases and priorities.
 */
export function threeFeederSite(siteId: string, stationPrefix: string): Json {
  return {
    siteId,
    name: `Depot ${siteId}`,
    limit: { perPhaseA: [250, 250, 250], totalW: 150_000 },
    children: [
      {
        kind: 'feeder',
        nodeId: 'F1',
        label: 'Feeder 1',
        limit: { perPhaseA: [100, 100, 100] },
        children: [
          {
            kind: 'charger',
            stationId: `${stationPrefix}-1`,
            rating: { maxA: 32, phases: 3 },
            children: [
              { kind: 'evse', evseId: 1, maxA: 32, phases: 3 },
              { kind: 'evse', evseId: 2, maxA: 16, phases: 1, priority: 1 },
            ],
          },
        ],
      },
      {
        kind: 'feeder',
        nodeId: 'F2',
        limit: { perPhaseA: [100, 100, 100] },
        children: [
          {
            kind: 'cabinet',
            nodeId: 'K2',
            children: [{ kind: 'charger', stationId: `${stationPrefix}-2`, wiring: ['L2', 'L3', 'L1'], rating: { maxA: 32, phases: 3 }, children: [{ kind: 'evse', evseId: 1, maxA: 32, phases: 3 }] }],
          },
        ],
      },
      {
        kind: 'feeder',
        nodeId: 'F3',
        limit: { totalW: 40_000 },
        children: [
          {
            kind: 'transformer',
            nodeId: 'T3',
            children: [
              {
                kind: 'charger',
                nodeId: 'C3',
                stationId: `${stationPrefix}-3`,
                wiring: ['L3', 'L1', 'L2'],
                rating: { maxA: 16, phases: 1 },
                children: [{ kind: 'evse', evseId: 1, minA: 8, maxA: 16, phases: 1 }],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** A tree as the API answers it, without what the database adds (versions, times): what a test compares. */
export function shapeOf(node: Json): Json {
  const { version: _version, createdAt: _created, updatedAt: _updated, children, ...fields } = node;
  return { ...fields, children: Array.isArray(children) ? (children as Json[]).map(shapeOf) : [] };
}
