import { TransactionPhase, createEnvelope, timestampFromDate } from '@app/contracts';
import { stationFactOf } from './station-fact.reader';

const at = new Date('2026-12-05T10:00:00Z');
const occurredAt = timestampFromDate(at);

describe('stationFactOf', () => {
  it('reads connectivity', () => {
    const event = createEnvelope('stationEvent', { eventId: 'e', stationId: 'CP-1', occurredAt, body: { case: 'disconnected', value: {} } });
    expect(stationFactOf(event)).toEqual({ kind: 'disconnected', at: at.getTime() });
  });

  it('reads a transaction start at the station’s own time, and its end', () => {
    const started = new Date('2026-12-05T09:59:00Z');
    const event = createEnvelope('stationEvent', {
      eventId: 'e',
      stationId: 'CP-1',
      occurredAt,
      body: { case: 'transaction', value: { transactionId: 'T1', phase: TransactionPhase.STARTED, evseId: 2, at: timestampFromDate(started) } },
    });
    expect(stationFactOf(event)).toEqual({ kind: 'transaction-started', at: started.getTime(), evseId: 2, transactionId: 'T1' });
    event.body = { case: 'transaction', value: { ...event.body.value, phase: TransactionPhase.ENDED } } as typeof event.body;
    expect(stationFactOf(event)).toMatchObject({ kind: 'transaction-ended', transactionId: 'T1' });
  });

  it('reads the current per phase of the newest sampling instant, phase-to-neutral included', () => {
    const older = timestampFromDate(new Date('2026-12-05T09:59:00Z'));
    const newer = timestampFromDate(at);
    const event = createEnvelope('stationEvent', {
      eventId: 'e',
      stationId: 'CP-1',
      occurredAt,
      body: {
        case: 'meterValues',
        value: {
          transactionId: 'T1',
          evseId: 1,
          samples: [
            { at: older, measurand: 'Current.Import', phase: 'L1', value: 32, unit: 'A' },
            { at: newer, measurand: 'Current.Import', phase: 'L1-N', value: 16, unit: 'A' },
            { at: newer, measurand: 'Current.Import', phase: 'L2', value: 15.5, unit: 'A' },
            { at: newer, measurand: 'Power.Active.Import', phase: '', value: 7000, unit: 'W' },
            { at: newer, measurand: 'Current.Import', phase: 'N', value: 1, unit: 'A' },
          ],
        },
      },
    });
    expect(stationFactOf(event)).toEqual({ kind: 'current-drawn', at: at.getTime(), evseId: 1, transactionId: 'T1', perPhaseA: { L1: 16, L2: 15.5 } });
  });

  it('has nothing to say about meter values without a current', () => {
    const event = createEnvelope('stationEvent', {
      eventId: 'e',
      stationId: 'CP-1',
      occurredAt,
      body: { case: 'meterValues', value: { evseId: 1, samples: [{ measurand: 'Energy.Active.Import.Register', value: 1, unit: 'Wh' }] } },
    });
    expect(stationFactOf(event)).toBeUndefined();
  });
});
