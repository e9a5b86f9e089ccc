import { type StationSteps, progressOf } from './job-progress';

const station = (stationId: string, steps: Partial<StationSteps> = {}): StationSteps => ({ stationId, confirmed: false, ...steps });

describe('progressOf', () => {
  describe.each(['install', 'delete'] as const)('a %s job', (kind) => {
    it('sends to every station without an answer yet', () => {
      expect(progressOf(kind, [station('A', { [kind]: 'accepted' }), station('B'), station('C')])).toEqual({
        status: 'running',
        phase: 'sending',
        next: { step: kind, stationIds: ['B', 'C'] },
      });
    });

    it('is done when every station accepted', () => {
      expect(progressOf(kind, [station('A', { [kind]: 'accepted' }), station('B', { [kind]: 'accepted' })])).toEqual({ status: 'done', phase: 'finished' });
    });

    it.each(['rejected', 'failed', 'offline'] as const)('is partially failed when a station ended %s', (outcome) => {
      expect(progressOf(kind, [station('A', { [kind]: 'accepted' }), station('B', { [kind]: outcome })])).toEqual({ status: 'partiallyFailed', phase: 'finished' });
    });
  });

  describe('a rollover', () => {
    it('installs the new root everywhere before anything else', () => {
      expect(progressOf('rollover', [station('A', { install: 'accepted', confirmed: true }), station('B')])).toEqual({
        status: 'running',
        phase: 'installingNew',
        next: { step: 'install', stationIds: ['B'] },
      });
    });

    it('deletes the old root once every station accepted and listed the new one', () => {
      expect(progressOf('rollover', [station('A', { install: 'accepted', confirmed: true }), station('B', { install: 'accepted', confirmed: true })])).toEqual({
        status: 'running',
        phase: 'deletingOld',
        next: { step: 'delete', stationIds: ['A', 'B'] },
      });
    });

    it.each([
      ['rejected the new root', { install: 'rejected' as const }],
      ['was offline', { install: 'offline' as const }],
      ['failed to answer', { install: 'failed' as const }],
      ['accepted but did not list the new root', { install: 'accepted' as const, confirmed: false }],
    ])('keeps the old root on every station when one %s', (_name, steps) => {
      expect(progressOf('rollover', [station('A', { install: 'accepted', confirmed: true }), station('B', steps)])).toEqual({ status: 'partiallyFailed', phase: 'holdingOldRoot' });
    });

    it('is done when every old root is deleted, partially failed when a delete failed', () => {
      const confirmed = { install: 'accepted' as const, confirmed: true };
      expect(progressOf('rollover', [station('A', { ...confirmed, delete: 'accepted' }), station('B', { ...confirmed, delete: 'accepted' })])).toEqual({ status: 'done', phase: 'finished' });
      expect(progressOf('rollover', [station('A', { ...confirmed, delete: 'accepted' }), station('B', { ...confirmed, delete: 'offline' })])).toEqual({
        status: 'partiallyFailed',
        phase: 'finished',
      });
      expect(progressOf('rollover', [station('A', { ...confirmed, delete: 'accepted' }), station('B', confirmed)])).toMatchObject({ next: { step: 'delete', stationIds: ['B'] } });
    });
  });
});
