import type { Offer } from '../dispatch/offer-in-force';
import type { PerPhase } from '../sessions/station-fact';
import { type DrawDeviation, type DrawJudgement, closedDeviation, judgeDraw, replanNeeded, storesOnUpdate, toleratedA } from './draw-deviation';

const t0 = Date.parse('2026-12-05T10:00:00Z');
const session = { siteId: 'S', stationId: 'CP-1', evseId: 1, transactionId: 'T1' };
const offer = (amps: number, since = t0): Offer => ({ amps, since });
const draw = (atS: number, perPhaseA: PerPhase) => ({ perPhaseA, at: t0 + atS * 1000 });
const three = (amps: number): PerPhase => ({ L1: amps, L2: amps, L3: amps });

/** Judges a series of draws as the verifier does, each against the offer given with it. */
function replay(steps: { offer: Offer | undefined; atS: number; perPhaseA: PerPhase }[]): DrawJudgement[] {
  let open: DrawDeviation | undefined;
  return steps.map((step) => {
    const judgement = judgeDraw(open, session, step.offer, draw(step.atS, step.perPhaseA));
    if (judgement.change === 'opened' || judgement.change === 'updated') open = judgement.deviation;
    if (judgement.change === 'closed') open = undefined;
    return judgement;
  });
}

describe('judgeDraw', () => {
  it('tolerates the larger of 2 A and 10 % above the offer', () => {
    expect(toleratedA(10)).toBe(12);
    expect(toleratedA(32)).toBeCloseTo(35.2);
    expect(toleratedA(0)).toBe(2);
  });

  it('opens a deviation when a phase draws beyond the tolerance after the compliance window, naming the phases over', () => {
    const judgement = judgeDraw(undefined, session, offer(16), draw(11, { L1: 24, L2: 17.5, L3: 16 }));
    expect(judgement).toEqual({
      change: 'opened',
      deviation: { ...session, phases: ['L1'], allowedA: 16, drawnPeakA: 24, excessPeakA: 8, excessA: { L1: 8, L2: 1.5, L3: 0 }, openedAt: t0 + 11_000 },
    });
  });

  it('does not judge within the compliance window after the offer took effect (a station ramping down)', () => {
    expect(judgeDraw(undefined, session, offer(10, t0), draw(9.9, three(16)))).toEqual({ change: 'none' });
    expect(judgeDraw(undefined, session, offer(10, t0), draw(10, three(16))).change).toBe('opened');
  });

  it('does not judge a session its station holds no offer for', () => {
    expect(judgeDraw(undefined, session, undefined, draw(60, three(32)))).toEqual({ change: 'none' });
  });

  it('flags a session that draws although it was offered nothing', () => {
    expect(judgeDraw(undefined, session, offer(0), draw(30, { L1: 6 })).change).toBe('opened');
    expect(judgeDraw(undefined, session, offer(0), draw(30, { L1: 1.5 })).change).toBe('none');
  });

  it('keeps a deviation open while the station overdraws, following its peak, the phases over and the offer', () => {
    const [opened, raised, lowered] = replay([
      { offer: offer(16), atS: 11, perPhaseA: { L1: 24 } },
      { offer: offer(16), atS: 12, perPhaseA: { L1: 26, L2: 20 } },
      { offer: offer(12, t0 + 13_000), atS: 30, perPhaseA: { L1: 20, L2: 20 } },
    ]);
    expect(opened?.change).toBe('opened');
    expect(raised).toEqual({ change: 'updated', deviation: expect.objectContaining({ phases: ['L1', 'L2'], allowedA: 16, drawnPeakA: 26, excessPeakA: 10, excessA: { L1: 10, L2: 4 } }) });
    expect(lowered).toEqual({ change: 'updated', deviation: expect.objectContaining({ phases: ['L1', 'L2'], allowedA: 12, drawnPeakA: 26, excessPeakA: 10, excessA: { L1: 8, L2: 8 } }) });
  });

  it('keeps an open deviation as it is while a new offer’s compliance window runs', () => {
    const [, ramping] = replay([
      { offer: offer(16), atS: 11, perPhaseA: { L1: 24 } },
      { offer: offer(8, t0 + 20_000), atS: 25, perPhaseA: { L1: 24 } },
    ]);
    expect(ramping).toEqual({ change: 'none' });
  });

  it('closes the deviation once every phase is within the tolerance of the offer', () => {
    const judgements = replay([
      { offer: offer(16), atS: 11, perPhaseA: three(24) },
      { offer: offer(16), atS: 12, perPhaseA: { L1: 17.5, L2: 18.1, L3: 16 } },
      { offer: offer(16), atS: 13, perPhaseA: three(17.5) },
    ]);
    expect(judgements.map((judgement) => judgement.change)).toEqual(['opened', 'updated', 'closed']);
    expect(judgements[2]).toEqual({ change: 'closed', deviation: expect.objectContaining({ openedAt: t0 + 11_000, closedAt: t0 + 13_000, drawnPeakA: 24 }) });
  });

  it('never closes a deviation before it opened (a late end of its transaction)', () => {
    const [opened] = replay([{ offer: offer(16), atS: 11, perPhaseA: three(24) }]);
    if (opened?.change !== 'opened') throw new Error('expected a deviation');
    expect(closedDeviation(opened.deviation, t0).closedAt).toBe(t0 + 11_000);
  });
});

describe('re-planning and storing an open deviation', () => {
  const open: DrawDeviation = { ...session, phases: ['L1'], allowedA: 16, drawnPeakA: 24, excessPeakA: 8, excessA: { L1: 8 }, openedAt: t0 };
  const planned = { allowedA: 16, excessA: { L1: 8 } };

  it('re-plans when the offer it is held to changes or its excess on a phase moves by 2 A since it was planned', () => {
    expect(replanNeeded(planned, { ...open, excessA: { L1: 9.9, L2: 1.9 } })).toBe(false);
    expect(replanNeeded(planned, { ...open, excessA: { L1: 10 } })).toBe(true);
    expect(replanNeeded(planned, { ...open, excessA: { L1: 6 } })).toBe(true);
    expect(replanNeeded(planned, { ...open, excessA: { L1: 8, L3: 2 } })).toBe(true);
    expect(replanNeeded(planned, { ...open, allowedA: 12 })).toBe(true);
  });

  it('stores a new peak, phase or offer, not every change of the running excess', () => {
    expect(storesOnUpdate(open, { ...open, excessA: { L1: 7 } })).toBe(false);
    expect(storesOnUpdate(open, { ...open, drawnPeakA: 25, excessPeakA: 9 })).toBe(true);
    expect(storesOnUpdate(open, { ...open, phases: ['L1', 'L3'] })).toBe(true);
  });
});
