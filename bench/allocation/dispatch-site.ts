import { stationIdOf } from '@app/simulator';
import type { Json } from '@test/support/operator-api-client';

export const DISPATCH_SITE_ID = 'BENCH-SITE';
const STATION_PREFIX = 'BD-';
const ROTATIONS = [
  ['L1', 'L2', 'L3'],
  ['L2', 'L3', 'L1'],
  ['L3', 'L1', 'L2'],
] as const;

/** The EVs: 3-phase, up to 32 A; the feeders take 16 A each of theirs, so only the site's limit binds in the rounds. */
export const EV_MAX_A = 32;
const FEEDER_SHARE_A = 16;

export function dispatchStationIds(chargers: number): string[] {
  return Array.from({ length: chargers }, (_, index) => stationIdOf(STATION_PREFIX, index, chargers));
}

/**
 * One site of `chargers` single-EVSE chargers on `feeders` feeders, wiring rotated charger by
 * charger, as one POST /api/sites body. The site's own limit is generous: what binds is the
 * grid-operator schedule that each round replaces.
 */
export function dispatchSite(stationIds: readonly string[], feeders: number): Json {
  const perFeeder = Math.ceil(stationIds.length / feeders);
  return {
    siteId: DISPATCH_SITE_ID,
    name: `Benchmark depot of ${stationIds.length} chargers`,
    limit: { perPhaseA: triple(stationIds.length * EV_MAX_A) },
    children: Array.from({ length: feeders }, (_, feeder) => {
      const members = stationIds.slice(feeder * perFeeder, (feeder + 1) * perFeeder);
      return {
        kind: 'feeder',
        nodeId: `F${feeder + 1}`,
        limit: { perPhaseA: triple(members.length * FEEDER_SHARE_A) },
        children: members.map((stationId, index) => ({
          kind: 'charger',
          stationId,
          wiring: [...(ROTATIONS[index % ROTATIONS.length] ?? ROTATIONS[0])],
          rating: { maxA: EV_MAX_A, phases: 3 },
          children: [{ kind: 'evse', evseId: 1, maxA: EV_MAX_A, phases: 3 }],
        })),
      };
    }),
  };
}

/**
 * The share per session in each round, alternately lower and higher than the one before (all
 * above the 6 A minimum, below the feeders' 16 A); the site limit of a round is share × sessions,
 * so that the fair allocation is exactly that share for everyone.
 */
export function roundShares(rounds: number): number[] {
  return Array.from({ length: rounds }, (_, round) => (round % 2 === 0 ? 7 + ((round / 2) % 3) : 11 + (((round - 1) / 2) % 3)));
}

export const INITIAL_SHARE_A = 10;

/** The grid-operator schedule for the site root: one default, per phase. */
export function gridLimitOf(shareA: number, sessions: number): Json {
  return { default: { perPhaseA: triple(shareA * sessions) } };
}

function triple(amperes: number): [number, number, number] {
  return [amperes, amperes, amperes];
}
