import { createEnvelope } from '@app/contracts';
import { setTracingEnabled } from '@app/observability';
import { ROOT_CONTEXT, context, createTraceState, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import type { MessageBus, OutboundRecord } from '../message-bus';
import { Topics } from '../topics';
import { EnvelopePublisher } from './envelope.publisher';

const heartbeat = () => createEnvelope('stationPresence', { eventId: 'hb-1', stationId: 'replica/0', body: { case: 'heartbeat', value: { replicaId: 'replica-0', commandPartition: 0 } } });

describe('EnvelopePublisher with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const published: OutboundRecord[] = [];
  const publisher = new EnvelopePublisher({ publish: async (_topic: string, records: OutboundRecord[]) => void published.push(...records) } as unknown as MessageBus);

  beforeAll(() => {
    provider.register();
    setTracingEnabled(true);
  });
  afterEach(() => {
    exporter.reset();
    published.length = 0;
  });
  afterAll(async () => {
    setTracingEnabled(false);
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('publishes a record on a timer without a span or trace headers when asked (replica heartbeats)', async () => {
    await publisher.publish(Topics.presence, heartbeat(), { untraced: true });
    expect(exporter.getFinishedSpans()).toEqual([]);
    expect(Object.keys(published[0]?.headers ?? {})).not.toContain('traceparent');
  });

  it('carries a given trace in place of the current one, without the current one’s tracestate', async () => {
    const given = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    // The current trace came in with a vendor's tracestate, which belongs to it and not to the given one.
    const incoming = trace.setSpanContext(ROOT_CONTEXT, { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1, traceState: createTraceState('vendor=abc') });
    await trace.getTracer('test').startActiveSpan('outer', {}, incoming, async (span) => {
      await publisher.publish(Topics.presence, heartbeat(), { traceparent: given });
      await publisher.publish(Topics.presence, heartbeat());
      span.end();
    });
    expect(published[0]?.headers.traceparent).toBe(given);
    expect(published[1]?.headers.tracestate).toBe('vendor=abc');
    expect(published[0]?.headers).not.toHaveProperty('tracestate');
    expect(exporter.getFinishedSpans().map((span) => span.name)).toContain('ocpp.presence publish');
  });
});
