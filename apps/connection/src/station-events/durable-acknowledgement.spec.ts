import type { RuntimeConfig } from '@app/config';
import { OcppErrorKind, WithholdResponse } from '@app/ocpp';
import { MetricsRegistry } from '@app/observability';
import { DatabaseError } from 'pg';
import pino from 'pino';
import { DurableAcknowledgement, type PendingEvent } from './durable-acknowledgement';
import type { StationEventEmitter } from './station-event.emitter';

const logger = pino({ level: 'silent' });
const event: PendingEvent = { body: { case: 'logStatus', value: { status: 'Idle' } }, identity: { eventId: 'e-1' } };

function acknowledgement(publish: () => Promise<string>) {
  const emitter = { publish: jest.fn(publish) };
  const config = { stationCore: { durableAckTimeoutMs: 1000 } } as RuntimeConfig;
  return { ack: new DurableAcknowledgement(config, emitter as unknown as StationEventEmitter, new MetricsRegistry()), emitter };
}

describe('DurableAcknowledgement', () => {
  afterEach(() => jest.useRealTimers());

  it('resolves once every event is durable, publishing each with its derived id', async () => {
    const { ack, emitter } = acknowledgement(async () => 'e-1');
    await expect(ack.publish('CP-1', logger, 'MeterValues', [event, event])).resolves.toBeUndefined();
    expect(emitter.publish).toHaveBeenCalledWith('CP-1', event.body, { eventId: 'e-1' });
    expect(emitter.publish).toHaveBeenCalledTimes(2);
  });

  it('withholds the answer when the bus refuses an event', async () => {
    const { ack } = acknowledgement(async () => {
      throw new Error('broker unavailable');
    });
    await expect(ack.publish('CP-1', logger, 'MeterValues', [event])).rejects.toEqual(
      expect.objectContaining({ name: 'WithholdResponse', reason: 'MeterValues events not durable (failed)' }),
    );
  });

  it('withholds the answer when the bus does not confirm within the deadline', async () => {
    jest.useFakeTimers();
    const { ack } = acknowledgement(() => new Promise<string>(() => undefined));
    const outcome = ack.publish('CP-1', logger, 'TransactionEvent', [event]).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(1000);
    expect(await outcome).toEqual(expect.objectContaining({ reason: 'TransactionEvent events not durable (timeout)' }));
  });

  it('withholds the answer when the database writes fail, and passes their result through otherwise', async () => {
    const { ack } = acknowledgement(async () => 'e-1');
    await expect(ack.store(logger, 'StartTransaction', async () => 17)).resolves.toBe(17);
    const failed = ack.store(logger, 'StartTransaction', async () => {
      throw new Error('connection refused');
    });
    await expect(failed).rejects.toBeInstanceOf(WithholdResponse);
  });

  it.each([
    ['a check constraint (a negative connector id)', '23514'],
    ['a number out of range', '22003'],
    ['text PostgreSQL cannot hold (U+0000)', '22021'],
  ])('answers PropertyConstraintViolation, not silence, when the database refuses a value: %s', async (_case, code) => {
    const { ack } = acknowledgement(async () => 'e-1');
    const refused = Object.assign(new DatabaseError('refused', 0, 'error'), { code });
    const failed = ack.store(logger, 'StatusNotification', async () => {
      throw refused;
    });
    await expect(failed).rejects.toEqual(
      expect.objectContaining({ kind: OcppErrorKind.PropertyConstraintViolation, description: 'StatusNotification holds a value out of the range this CSMS stores' }),
    );
  });

  it('still withholds when a unique violation may be a race that a retry resolves', async () => {
    const { ack } = acknowledgement(async () => 'e-1');
    const failed = ack.store(logger, 'StartTransaction', async () => {
      throw Object.assign(new DatabaseError('duplicate', 0, 'error'), { code: '23505' });
    });
    await expect(failed).rejects.toBeInstanceOf(WithholdResponse);
  });
});
