import type { EnvelopePublisher } from '@app/messaging';
import { OcppErrorKind } from '@app/ocpp';
import type { Logger } from 'pino';
import type { StationEventBody } from './event-body';
import { StationEventEmitter } from './station-event.emitter';

const body: StationEventBody = { case: 'logStatus', value: { status: 'Idle', requestId: 0n } };

function emitter(publish: () => Promise<void>) {
  const publisher = { publish: jest.fn(publish) };
  return { events: new StationEventEmitter(publisher as unknown as EnvelopePublisher), publisher };
}

describe('StationEventEmitter', () => {
  it('produces a retried event (same derived id) once while the first publish is still in flight', async () => {
    const acknowledgements: (() => void)[] = [];
    const { events, publisher } = emitter(() => new Promise<void>((resolve) => acknowledgements.push(resolve)));
    const first = events.publish('CP-1', body, { eventId: 'derived-1' });
    const retry = events.publish('CP-1', body, { eventId: 'derived-1' });
    acknowledgements.forEach((acknowledge) => acknowledge());
    await expect(Promise.all([first, retry])).resolves.toEqual(['derived-1', 'derived-1']);
    expect(publisher.publish).toHaveBeenCalledTimes(1);
  });

  it('does not produce an event again that was acknowledged a moment ago', async () => {
    const { events, publisher } = emitter(async () => undefined);
    await events.publish('CP-1', body, { eventId: 'derived-1' });
    await expect(events.publish('CP-1', body, { eventId: 'derived-1' })).resolves.toBe('derived-1');
    expect(publisher.publish).toHaveBeenCalledTimes(1);
  });

  it('produces again after a failed publish, so that the retry can still make the event durable', async () => {
    const { events, publisher } = emitter(async () => undefined);
    publisher.publish.mockRejectedValueOnce(new Error('broker unavailable'));
    await expect(events.publish('CP-1', body, { eventId: 'derived-1' })).rejects.toThrow('broker unavailable');
    await expect(events.publish('CP-1', body, { eventId: 'derived-1' })).resolves.toBe('derived-1');
    expect(publisher.publish).toHaveBeenCalledTimes(2);
  });

  it('produces every event without a derived id, each under a new random id', async () => {
    const { events, publisher } = emitter(async () => undefined);
    const ids = await Promise.all([events.publish('CP-1', body), events.publish('CP-1', body)]);
    expect(new Set(ids).size).toBe(2);
    expect(publisher.publish).toHaveBeenCalledTimes(2);
  });

  it('refuses a station message whose event the contract cannot carry before it is answered, and publishes nothing', () => {
    const { events, publisher } = emitter(async () => undefined);
    const logger = { debug: jest.fn(), error: jest.fn() } as unknown as Logger;
    const negativeEvse: StationEventBody = { case: 'evChargingNeeds', value: { evseId: -1, requestedEnergyTransfer: 0 } } as StationEventBody;
    expect(() => events.publishAnswered('CP-1', negativeEvse, logger)).toThrow(expect.objectContaining({ kind: OcppErrorKind.PropertyConstraintViolation }));
    expect(publisher.publish).not.toHaveBeenCalled();
    events.publishAnswered('CP-1', body, logger);
    expect(publisher.publish).toHaveBeenCalledTimes(1);
  });
});
