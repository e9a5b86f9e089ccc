import type { Offer } from '../dispatch/offer-in-force';
import type { PerPhase, StationPhase } from '../sessions/station-fact';

const STATION_PHASES: readonly StationPhase[] = ['L1', 'L2', 'L3'];

export interface DeviationPolicy {
  /** A draw this far above the offer on a phase is within tolerance (meters, EVs rounding up)... */
  toleranceA: number;
  /** ...or this fraction of the offer, whichever is larger. */
  toleranceFraction: number;
  /** How long a station has to follow a new offer (ramping down) before its draw is judged. */
  complianceWindowMs: number;
  /** A change of excess this large re-plans the site (the same step as a change of draw). */
  replanStepA: number;
}

export const DEFAULT_DEVIATION_POLICY: DeviationPolicy = { toleranceA: 2, toleranceFraction: 0.1, complianceWindowMs: 10_000, replanStepA: 2 };

/** The session a draw belongs to. */
export interface DrawingSession {
  siteId: string;
  stationId: string;
  evseId: number;
  transactionId: string;
}

/** A session drawing more than its profile allows, from when it was seen until it complies. */
export interface DrawDeviation extends DrawingSession {
  /** The station's phases that were over at some point while open. */
  phases: StationPhase[];
  /** The offer it was last judged against: what planning holds it to. */
  allowedA: number;
  /** The most it drew on any phase while open. */
  drawnPeakA: number;
  /** The most it drew above its offer on any phase while open. */
  excessPeakA: number;
  /**
   * Its draw above the offer per phase at the last judgement (measured after the compliance
   * window, so a station still ramping does not change it): what planning counts as a fixed load.
   */
  excessA: PerPhase;
  openedAt: number;
  closedAt?: number;
}

export interface MeasuredDraw {
  perPhaseA: PerPhase;
  at: number;
}

export type DrawJudgement =
  | { change: 'none' }
  | { change: 'opened'; deviation: DrawDeviation }
  | { change: 'updated'; deviation: DrawDeviation }
  | { change: 'closed'; deviation: DrawDeviation };

/** The most a session may draw per phase under an offer before it deviates. */
export function toleratedA(offerA: number, policy: DeviationPolicy = DEFAULT_DEVIATION_POLICY): number {
  return offerA + Math.max(policy.toleranceA, offerA * policy.toleranceFraction);
}

/** The deviation ended at `at` (its session complied or ended); never before it opened. */
export function closedDeviation(open: DrawDeviation, at: number): DrawDeviation {
  return { ...open, closedAt: Math.max(open.openedAt, at) };
}

/** How far apart two per-phase excesses are on their most different phase. */
function excessChange(a: PerPhase, b: PerPhase): number {
  return Math.max(...STATION_PHASES.map((phase) => Math.abs((a[phase] ?? 0) - (b[phase] ?? 0))));
}

function sameDeviation(a: DrawDeviation, b: DrawDeviation): boolean {
  return a.allowedA === b.allowedA && a.drawnPeakA === b.drawnPeakA && a.excessPeakA === b.excessPeakA && excessChange(a.excessA, b.excessA) === 0 && a.phases.join() === b.phases.join();
}

/**
 * Judges one measured draw of a session against the offer its station holds. No judgement while
 * nothing is offered (no accepted TxProfile) or within the compliance window after the offer took
 * effect, so that a station ramping down to a lower offer is not flagged. Over the tolerance on
 * any phase opens a deviation (or updates the open one); within it on every phase closes it.
 * Every judgement of an open deviation measures its excess anew: the draw above the offer on each
 * phase, as it was when the station had had the window to follow that offer.
 */
export function judgeDraw(open: DrawDeviation | undefined, session: DrawingSession, offer: Offer | undefined, draw: MeasuredDraw, policy: DeviationPolicy = DEFAULT_DEVIATION_POLICY): DrawJudgement {
  if (offer === undefined || draw.at < offer.since + policy.complianceWindowMs) return { change: 'none' };
  const tolerated = toleratedA(offer.amps, policy);
  const measured = STATION_PHASES.filter((phase) => draw.perPhaseA[phase] !== undefined);
  const over = measured.filter((phase) => (draw.perPhaseA[phase] ?? 0) > tolerated);
  if (over.length === 0) return open === undefined ? { change: 'none' } : { change: 'closed', deviation: closedDeviation(open, draw.at) };
  const drawnA = Math.max(...over.map((phase) => draw.perPhaseA[phase] ?? 0));
  const excessA: PerPhase = {};
  for (const phase of measured) excessA[phase] = Math.max(0, (draw.perPhaseA[phase] ?? 0) - offer.amps);
  const excessPeakA = drawnA - offer.amps;
  if (open === undefined) {
    return { change: 'opened', deviation: { ...session, phases: over, allowedA: offer.amps, drawnPeakA: drawnA, excessPeakA, excessA, openedAt: draw.at } };
  }
  const deviation: DrawDeviation = {
    ...open,
    phases: STATION_PHASES.filter((phase) => open.phases.includes(phase) || over.includes(phase)),
    allowedA: offer.amps,
    drawnPeakA: Math.max(open.drawnPeakA, drawnA),
    excessPeakA: Math.max(open.excessPeakA, excessPeakA),
    excessA,
  };
  return sameDeviation(open, deviation) ? { change: 'none' } : { change: 'updated', deviation };
}

/**
 * Whether planning must count a deviation anew: the offer it is held to changed, or its excess
 * moved by a step since planning last counted it (`planned`).
 */
export function replanNeeded(planned: Pick<DrawDeviation, 'allowedA' | 'excessA'>, now: DrawDeviation, policy: DeviationPolicy = DEFAULT_DEVIATION_POLICY): boolean {
  return planned.allowedA !== now.allowedA || excessChange(planned.excessA, now.excessA) >= policy.replanStepA;
}

/** Whether an update changes what is stored (the running excess is not). */
export function storesOnUpdate(before: DrawDeviation, after: DrawDeviation): boolean {
  return before.allowedA !== after.allowedA || before.drawnPeakA !== after.drawnPeakA || before.excessPeakA !== after.excessPeakA || before.phases.join() !== after.phases.join();
}
