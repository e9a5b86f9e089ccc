import { createEnvelope, encodeEnvelope } from '@app/contracts';
import { MetricsRegistry } from '@app/observability';
import pino from 'pino';
import { Headers } from '../headers';
import { InProcessBus } from '../in-process/in-process.bus';
import type { InboundRecord } from '../message-bus';
import { Topics } from '../topics';
import { EnvelopeConsumer } from './envelope.consumer';
import { EnvelopePublisher } from './envelope.publisher';
import { UnprocessableMessageError } from './unprocessable-message.error';

const logger = pino({ level: 'silent' });

function connectedEvent(eventId: string) {
  return createEnvelope('stationEvent', {
    eventId,
    stationId: 'CP-7',
    correlationId: `corr-${eventId}`,
    body: { case: 'connected', value: { securityProfile: 1 } },
  });
}

/** Waits until `condition` holds, polling the event loop; fails after 2 s. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('EnvelopeConsumer', () => {
  let bus: InProcessBus;
  let consumer: EnvelopeConsumer;
  let publisher: EnvelopePublisher;
  let deadLetters: InboundRecord[];

  beforeEach(async () => {
    bus = new InProcessBus(logger);
    consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry());
    publisher = new EnvelopePublisher(bus);
    deadLetters = [];
    await bus.subscribe({ topic: Topics.deadLetter, groupId: 'test.dead-letters', handler: async (record) => void deadLetters.push(record) });
  });

  afterEach(() => bus.stop());

  it('dead-letters a corrupt payload with its origin and goes on with the next record', async () => {
    const handled: string[] = [];
    await consumer.subscribe({ topic: Topics.events, groupId: 'test.events', handle: async (event) => void handled.push(event.eventId) });

    await bus.publish(Topics.events, [{ key: 'CP-7', value: Buffer.from('not protobuf \xff\xff'), headers: {} }]);
    await publisher.publish(Topics.events, connectedEvent('e-2'));

    await until(() => handled.length === 1 && deadLetters.length === 1);
    expect(handled).toEqual(['e-2']);
    expect(deadLetters[0]?.headers).toMatchObject({
      [Headers.deadLetterCode]: 'corrupt-payload',
      [Headers.originalTopic]: Topics.events,
      [Headers.originalOffset]: '0',
      [Headers.consumerGroup]: 'test.events',
    });
    expect(Buffer.from(deadLetters[0]?.value ?? []).toString()).toContain('not protobuf');
  });

  it('hands nothing more to a group once it unsubscribed, and lets it join again', async () => {
    const handled: string[] = [];
    const subscription = { topic: Topics.events, groupId: 'test.events', handle: async (event: { eventId: string }) => void handled.push(event.eventId) };
    await consumer.subscribe(subscription);
    await publisher.publish(Topics.events, connectedEvent('e-1'));
    await until(() => handled.length === 1);

    await consumer.unsubscribe(Topics.events, 'test.events');
    await publisher.publish(Topics.events, connectedEvent('e-2'));
    await consumer.subscribe(subscription);
    await publisher.publish(Topics.events, connectedEvent('e-3'));
    await until(() => handled.length === 2);
    expect(handled).toEqual(['e-1', 'e-3']);
  });

  it('dead-letters a record whose content type names another contract', async () => {
    await consumer.subscribe({ topic: Topics.events, groupId: 'test.events', handle: async () => {} });
    const value = encodeEnvelope('stationEvent', connectedEvent('e-3'));
    await bus.publish(Topics.events, [{ key: 'CP-7', value, headers: { [Headers.contentType]: 'application/json' } }]);
    await until(() => deadLetters.length === 1);
    expect(deadLetters[0]?.headers[Headers.deadLetterCode]).toBe('wrong-message-type');
  });

  it('retries a handler that fails until it succeeds, without dead-lettering', async () => {
    let attempts = 0;
    await consumer.subscribe({
      topic: Topics.events,
      groupId: 'test.events',
      backoff: { initialMs: 1, maxMs: 5 },
      handle: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('database unavailable');
      },
    });
    await publisher.publish(Topics.events, connectedEvent('e-4'));
    await until(() => attempts === 3);
    expect(deadLetters).toHaveLength(0);
  });

  it('dead-letters a message its handler calls unprocessable', async () => {
    await consumer.subscribe({
      topic: Topics.events,
      groupId: 'test.events',
      handle: async () => {
        throw new UnprocessableMessageError('station CP-7 does not exist');
      },
    });
    await publisher.publish(Topics.events, connectedEvent('e-5'));
    await until(() => deadLetters.length === 1);
    expect(deadLetters[0]?.headers).toMatchObject({ [Headers.deadLetterCode]: 'unprocessable', [Headers.correlationId]: 'corr-e-5' });
  });

  it('parks an event that fails the same way N times, with its origin and error, and goes on with the next', async () => {
    const parked: InboundRecord[] = [];
    await bus.subscribe({ topic: Topics.parked, groupId: 'test.parked', handler: async (record) => void parked.push(record) });
    consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry(), { parkAfterFailures: 3 });
    const handled: string[] = [];
    let poisonAttempts = 0;
    await consumer.subscribe({
      topic: Topics.events,
      groupId: 'test.events',
      backoff: { initialMs: 1, maxMs: 5 },
      handle: async (event) => {
        if (event.eventId === 'poison') {
          poisonAttempts += 1;
          throw new TypeError('cannot read properties of undefined');
        }
        handled.push(event.eventId);
      },
    });
    for (const id of ['before', 'poison', 'after']) await publisher.publish(Topics.events, connectedEvent(id));
    await until(() => handled.length === 2 && parked.length === 1);
    expect(handled).toEqual(['before', 'after']);
    expect(poisonAttempts).toBe(3);
    expect(deadLetters).toHaveLength(0);
    expect(parked[0]?.headers).toMatchObject({
      [Headers.originalTopic]: Topics.events,
      [Headers.originalOffset]: '1',
      [Headers.consumerGroup]: 'test.events',
      [Headers.parkedErrorClass]: 'TypeError',
      [Headers.parkedError]: 'cannot read properties of undefined',
      [Headers.parkedAttempts]: '3',
      [Headers.correlationId]: 'corr-poison',
    });
  });

  it('never parks an event whose failures are transient', async () => {
    const parked: InboundRecord[] = [];
    await bus.subscribe({ topic: Topics.parked, groupId: 'test.parked', handler: async (record) => void parked.push(record) });
    consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry(), { parkAfterFailures: 2 });
    let attempts = 0;
    await consumer.subscribe({
      topic: Topics.events,
      groupId: 'test.events',
      backoff: { initialMs: 1, maxMs: 2 },
      handle: async () => {
        attempts += 1;
        if (attempts < 10) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
    });
    await publisher.publish(Topics.events, connectedEvent('e-6'));
    await until(() => attempts === 10);
    expect(parked).toHaveLength(0);
  });

  it('hands a replayed record only to the group it is replayed for', async () => {
    const seen: Record<string, string[]> = { a: [], b: [] };
    for (const group of ['a', 'b']) {
      await consumer.subscribe({ topic: Topics.events, groupId: group, handle: async (event) => void seen[group]?.push(event.eventId) });
    }
    const value = encodeEnvelope('stationEvent', connectedEvent('replayed'));
    await bus.publish(Topics.events, [{ key: 'CP-7', value, headers: { [Headers.replayForGroup]: 'b', [Headers.replayOf]: '0/3' } }]);
    await publisher.publish(Topics.events, connectedEvent('live'));
    await until(() => seen.a?.length === 1 && seen.b?.length === 2);
    expect(seen).toEqual({ a: ['live'], b: ['replayed', 'live'] });
  });

  it('counts a one-process group under its logical name, so a restart starts no new series', async () => {
    const metrics = new MetricsRegistry();
    const counted = new EnvelopeConsumer(bus, logger, metrics);
    const handled: string[] = [];
    await counted.subscribe({ topic: Topics.events, groupId: 'test.presence.host-1-abc', groupLabel: 'test.presence', handle: async (event) => void handled.push(event.eventId) });
    await publisher.publish(Topics.events, connectedEvent('e-9'));
    await until(() => handled.length === 1);
    const text = await metrics.registry.metrics();
    expect(text).toContain('csms_messages_consumed_total{topic="ocpp.events",group="test.presence"} 1');
    expect(text).not.toContain('host-1-abc');
  });

  it('gives every consumer group its own copy, in publish order', async () => {
    const seen: Record<string, string[]> = { a: [], b: [] };
    for (const group of ['a', 'b']) {
      await consumer.subscribe({ topic: Topics.events, groupId: group, handle: async (event) => void seen[group]?.push(event.eventId) });
    }
    for (const id of ['1', '2', '3']) await publisher.publish(Topics.events, connectedEvent(id));
    await until(() => seen.a?.length === 3 && seen.b?.length === 3);
    expect(seen).toEqual({ a: ['1', '2', '3'], b: ['1', '2', '3'] });
  });
});

describe('EnvelopeConsumer with a body filter', () => {
  let bus: InProcessBus;
  let consumer: EnvelopeConsumer;
  let publisher: EnvelopePublisher;

  beforeEach(() => {
    bus = new InProcessBus(logger);
    consumer = new EnvelopeConsumer(bus, logger, new MetricsRegistry());
    publisher = new EnvelopePublisher(bus);
  });

  afterEach(() => bus.stop());

  const disconnected = (eventId: string) =>
    createEnvelope('stationEvent', { eventId, stationId: 'CP-7', body: { case: 'disconnected', value: {} } });

  it('hands over only the bodies asked for, passing the others over without decoding them', async () => {
    const handled: string[] = [];
    await consumer.subscribe({ topic: Topics.events, groupId: 'test.filtered', bodies: new Set(['connected']), handle: async (event) => void handled.push(event.eventId) });
    // A record that does not decode but says it is a `disconnected` event is passed over, not dead-lettered.
    await bus.publish(Topics.events, [{ key: 'CP-7', value: Buffer.from('\xff\xff'), headers: { [Headers.body]: 'disconnected' } }]);
    await publisher.publish(Topics.events, disconnected('d-1'));
    await publisher.publish(Topics.events, connectedEvent('c-1'));
    await until(() => handled.length === 1);
    expect(handled).toEqual(['c-1']);
    expect((await bus.checkHealth()).detail).toContain('0 record(s) queued');
  });

  it('filters records without a body header once they are decoded', async () => {
    const handled: string[] = [];
    await consumer.subscribe({ topic: Topics.events, groupId: 'test.filtered', bodies: new Set(['connected']), handle: async (event) => void handled.push(event.eventId) });
    for (const event of [disconnected('d-2'), connectedEvent('c-2')]) {
      await bus.publish(Topics.events, [{ key: 'CP-7', value: encodeEnvelope('stationEvent', event), headers: {} }]);
    }
    await until(() => handled.length === 1);
    expect(handled).toEqual(['c-2']);
  });
});

describe('InProcessBus partitions', () => {
  it('gives a partition subscription only the records published to that partition', async () => {
    const bus = new InProcessBus(logger);
    const seen: number[] = [];
    await bus.subscribe({ topic: Topics.commands, groupId: 'replica-1', partition: 1, handler: async (record) => void seen.push(record.partition) });
    await bus.publish(Topics.commands, [
      { key: 'a', value: new Uint8Array(), headers: {}, partition: 0 },
      { key: 'b', value: new Uint8Array(), headers: {}, partition: 1 },
    ]);
    await until(() => seen.length === 1);
    expect(seen).toEqual([1]);
    await bus.stop();
  });
});
