import { MetricsRegistry } from '@app/observability';
import pino from 'pino';
import type { Offer } from '../dispatch/offer-in-force';
import type { ProfileDispatcher } from '../dispatch/profile-dispatcher';
import { SessionTracker } from '../sessions/session-tracker';
import type { StationStateRepository } from '../sessions/station-state.repository';
import type { StationSites } from '../site-control/station-sites';
import type { DrawDeviation } from './draw-deviation';
import type { DrawDeviationRepository } from './draw-deviation.repository';
import { DrawVerifier } from './draw-verifier';

const t0 = Date.parse('2026-12-05T10:00:00Z');
const logger = pino({ level: 'silent' });

/** The verifier with a real session tracker, a dispatcher that holds `offer`, and a repository that records what it is asked to store. */
async function verifierWith(offer: Offer | undefined, stored: DrawDeviation[] = []) {
  const tracker = new SessionTracker({ loadAll: async () => [], save: async () => undefined } as unknown as StationStateRepository, logger);
  const writes: string[] = [];
  const repository = {
    loadOpen: async () => stored,
    open: async (deviation: DrawDeviation) => void writes.push(`open ${deviation.transactionId} ${deviation.drawnPeakA}`),
    update: async (deviation: DrawDeviation) => void writes.push(`${deviation.closedAt === undefined ? 'update' : 'close'} ${deviation.transactionId} ${deviation.drawnPeakA}`),
  } as unknown as DrawDeviationRepository;
  const dispatcher = { offerAt: () => offer } as unknown as ProfileDispatcher;
  const sites = { siteOf: (stationId: string) => (stationId === 'CP-1' ? 'S' : undefined) } as unknown as StationSites;
  const verifier = new DrawVerifier(tracker, dispatcher, sites, repository, new MetricsRegistry(), logger);
  await verifier.onModuleInit();
  const replans: string[] = [];
  verifier.onChange((siteId) => replans.push(siteId));
  const draw = (stationId: string, atS: number, amps: number, transactionId = 'T1') =>
    tracker.apply(stationId, { kind: 'current-drawn', at: t0 + atS * 1000, evseId: 1, transactionId, perPhaseA: { L1: amps, L2: amps, L3: amps } });
  const start = (stationId: string, atS: number, transactionId = 'T1') => tracker.apply(stationId, { kind: 'transaction-started', at: t0 + atS * 1000, evseId: 1, transactionId });
  const end = (stationId: string, atS: number, transactionId = 'T1') => tracker.apply(stationId, { kind: 'transaction-ended', at: t0 + atS * 1000, evseId: 1, transactionId });
  return { verifier, writes, replans, draw, start, end };
}

describe('DrawVerifier', () => {
  it('opens a deviation, stores its new peaks only, and closes it once the session complies, re-planning the site at each', async () => {
    const { verifier, writes, replans, draw, start } = await verifierWith({ amps: 16, since: t0 });
    start('CP-1', 0);
    draw('CP-1', 11, 24);
    expect(verifier.overdraws('S')).toEqual(new Map([['CP-1/1', { heldToA: 16, excessA: { L1: 8, L2: 8, L3: 8 } }]]));
    draw('CP-1', 12, 24.5);
    draw('CP-1', 13, 24.1);
    draw('CP-1', 14, 16);
    await verifier.flushed();
    expect(writes).toEqual(['open T1 24', 'update T1 24.5', 'close T1 24.5']);
    expect(replans).toEqual(['S', 'S']);
    expect(verifier.overdraws('S').size).toBe(0);
  });

  it('re-plans when the excess planning counted moves by a step', async () => {
    const { verifier, replans, draw, start } = await verifierWith({ amps: 16, since: t0 });
    start('CP-1', 0);
    draw('CP-1', 11, 24);
    verifier.overdraws('S');
    draw('CP-1', 12, 25);
    expect(replans).toEqual(['S']);
    draw('CP-1', 13, 26);
    expect(replans).toEqual(['S', 'S']);
  });

  it('closes the deviation when its transaction ends', async () => {
    const { verifier, writes, draw, start, end } = await verifierWith({ amps: 16, since: t0 });
    start('CP-1', 0);
    draw('CP-1', 11, 24);
    end('CP-1', 20);
    await verifier.flushed();
    expect(writes).toEqual(['open T1 24', 'close T1 24']);
  });

  it('counts a deviation left open before a restart at its peak, and closes it when another session is found on its EVSE', async () => {
    const stored: DrawDeviation = { siteId: 'S', stationId: 'CP-1', evseId: 1, transactionId: 'T0', phases: ['L1'], allowedA: 10, drawnPeakA: 20, excessPeakA: 10, excessA: { L1: 10 }, openedAt: t0 };
    const { verifier, writes, draw, start } = await verifierWith({ amps: 16, since: t0 }, [stored]);
    expect(verifier.overdraws('S')).toEqual(new Map([['CP-1/1', { heldToA: 10, excessA: { L1: 10 } }]]));
    start('CP-1', 30, 'T1');
    draw('CP-1', 31, 16, 'T1');
    await verifier.flushed();
    expect(writes).toEqual(['close T0 20']);
    expect(verifier.overdraws('S').size).toBe(0);
  });

  it('leaves stations of no site and sessions without an offer alone', async () => {
    const unmanaged = await verifierWith({ amps: 16, since: t0 });
    unmanaged.start('CP-9', 0);
    unmanaged.draw('CP-9', 11, 32);
    const unoffered = await verifierWith(undefined);
    unoffered.start('CP-1', 0);
    unoffered.draw('CP-1', 11, 32);
    await Promise.all([unmanaged.verifier.flushed(), unoffered.verifier.flushed()]);
    expect([...unmanaged.writes, ...unoffered.writes, ...unmanaged.replans, ...unoffered.replans]).toEqual([]);
  });
});
