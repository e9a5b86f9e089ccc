import { MetricsRegistry } from '@app/observability';
import type { CommandOutcome, StationCommandClient } from '@app/station-commands';
import pino from 'pino';
import type { DispatchRecord, DispatchedProfileRepository } from './dispatched-profile.repository';
import type { PlannedProfile } from './planned-profile';
import { ProfileDispatcher } from './profile-dispatcher';

const now = Date.parse('2026-06-01T12:00:00Z');

function txProfile(evseId: number, limit: number): PlannedProfile {
  return { id: 9_102_000 + evseId, stackLevel: 10, purpose: 'tx', evseId, transactionId: `T-${evseId}`, startSchedule: now, rateUnit: 'A', numberPhases: 3, periods: [{ startPeriodS: 0, limit }] };
}

/** A station link that answers each SetChargingProfile only when the test says so, in any order. */
class HeldAnswers {
  readonly sent: { stationId: string; limit: number; answer: () => void }[] = [];

  send(stationId: string, body: { value: { profile: { schedule: { periods: { limit: number }[] } } } }): Promise<CommandOutcome> {
    return new Promise((resolve) => {
      const limit = body.value.profile.schedule.periods[0]?.limit ?? Number.NaN;
      this.sent.push({ stationId, limit, answer: () => resolve({ commandId: `c-${this.sent.length}`, status: 'accepted' }) });
    });
  }
}

function dispatcher(held: HeldAnswers, records: DispatchRecord[]): ProfileDispatcher {
  const repository = { loadAll: async () => records, save: async () => undefined, forget: async () => undefined, forgetStation: async () => undefined };
  return new ProfileDispatcher(held as unknown as StationCommandClient, repository as unknown as DispatchedProfileRepository, new MetricsRegistry(), pino({ level: 'silent' }));
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('ProfileDispatcher.sync', () => {
  it('sends again on the next plan, without the back-off of a failure, what could not leave because the station was not seen connected', async () => {
    const statuses: CommandOutcome['status'][] = ['not-connected', 'accepted'];
    const client = { send: async () => ({ commandId: 'c', status: statuses.shift() ?? 'accepted' }) };
    const repository = { loadAll: async () => [], save: async () => undefined };
    const subject = new ProfileDispatcher(client as unknown as StationCommandClient, repository as unknown as DispatchedProfileRepository, new MetricsRegistry(), pino({ level: 'silent' }));
    await subject.onModuleInit();
    subject.sync('CP-A', [txProfile(1, 16)]);
    await subject.settled();
    expect(subject.held('CP-A')).toEqual([]);
    subject.sync('CP-A', [txProfile(1, 16)]);
    await subject.settled();
    expect(subject.held('CP-A')).toMatchObject([{ outcome: 'accepted', profile: { periods: [{ limit: 16 }] } }]);
    expect(statuses).toEqual([]);
  });
});

describe('ProfileDispatcher.syncSite', () => {
  it('lowers every station first and raises only once the lowering is answered', async () => {
    const held = new HeldAnswers();
    const records: DispatchRecord[] = [
      { stationId: 'CP-A', profile: txProfile(1, 20), sentAt: now - 5000, outcome: 'accepted' },
      { stationId: 'CP-B', profile: txProfile(1, 10), sentAt: now - 5000, outcome: 'accepted' },
    ];
    const subject = dispatcher(held, records);
    await subject.onModuleInit();
    // B gets what A gives up, and a new session on B its first TxProfile: both wait for A.
    const done = subject.syncSite(
      [
        { stationId: 'CP-B', profiles: [txProfile(1, 16), txProfile(2, 8)] },
        { stationId: 'CP-A', profiles: [txProfile(1, 6)] },
      ],
      now,
    );
    await flush();
    expect(held.sent.map(({ stationId, limit }) => [stationId, limit])).toEqual([['CP-A', 6]]);
    held.sent[0]?.answer();
    await flush();
    expect(held.sent.map(({ stationId, limit }) => [stationId, limit])).toEqual([
      ['CP-A', 6],
      ['CP-B', 16],
    ]);
    held.sent[1]?.answer();
    await flush();
    held.sent[2]?.answer();
    await done;
    expect(held.sent.map(({ stationId, limit }) => [stationId, limit])).toEqual([
      ['CP-A', 6],
      ['CP-B', 16],
      ['CP-B', 8],
    ]);
  });

  it('raises anyway once a lowering has waited 5 s for its answer: a lost answer does not stall the site', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const held = new HeldAnswers();
      const subject = dispatcher(held, [{ stationId: 'CP-A', profile: txProfile(1, 20), sentAt: now - 5000, outcome: 'accepted' }]);
      await subject.onModuleInit();
      const done = subject.syncSite(
        [
          { stationId: 'CP-A', profiles: [txProfile(1, 6)] },
          { stationId: 'CP-B', profiles: [txProfile(1, 14)] },
        ],
        now,
      );
      await flush();
      await jest.advanceTimersByTimeAsync(4_900);
      expect(held.sent.map(({ stationId }) => stationId)).toEqual(['CP-A']);
      await jest.advanceTimersByTimeAsync(200);
      expect(held.sent.map(({ stationId }) => stationId)).toEqual(['CP-A', 'CP-B']);
      held.sent[1]?.answer();
      await jest.advanceTimersByTimeAsync(5_000);
      await done;
      held.sent[0]?.answer();
      await subject.settled();
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends at once when nothing is lowered', async () => {
    const held = new HeldAnswers();
    const subject = dispatcher(held, []);
    await subject.onModuleInit();
    const done = subject.syncSite([{ stationId: 'CP-A', profiles: [txProfile(1, 16)] }], now);
    await flush();
    expect(held.sent.map(({ stationId, limit }) => [stationId, limit])).toEqual([['CP-A', 16]]);
    held.sent[0]?.answer();
    await done;
  });
});
