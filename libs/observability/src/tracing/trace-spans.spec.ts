import { SpanKind, context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { inConsumeSpan, inPublishSpan, inStationCallSpan, injectTraceContext, isTracingEnabled, setTracingEnabled } from './trace-spans';

/** A station CALL that publishes an event, and the record's consumer, as the gateway and a consumer service run them. */
async function messageThroughKafka(): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  await inStationCallSpan('SignCertificate', 'CP-1', () => inPublishSpan('ocpp.events', async () => injectTraceContext(headers)));
  await inConsumeSpan('ocpp.events', 'pki.station-events', headers, async () => undefined);
  return headers;
}

describe('trace spans', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  afterEach(() => {
    setTracingEnabled(false);
    exporter.reset();
  });

  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('with tracing off, runs the work and writes no header', async () => {
    expect(isTracingEnabled()).toBe(false);
    expect(await messageThroughKafka()).toEqual({});
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('with tracing on, makes the consumer span a child of the producer span through the traceparent header', async () => {
    provider.register();
    setTracingEnabled(true);
    const headers = await messageThroughKafka();
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const spans = exporter.getFinishedSpans();
    const byName = (name: string) => spans.find((span) => span.name === name);
    const call = byName('ocpp SignCertificate');
    const publish = byName('ocpp.events publish');
    const consume = byName('ocpp.events process');
    expect([call?.kind, publish?.kind, consume?.kind]).toEqual([SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER]);
    expect(call?.parentSpanContext).toBeUndefined();
    expect(publish?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
    expect(consume?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    expect(headers.traceparent).toContain(publish?.spanContext().spanId);
    expect(consume?.attributes).toMatchObject({ 'messaging.destination.name': 'ocpp.events', 'messaging.consumer.group.name': 'pki.station-events' });
  });

  it('marks the span of failed work as an error and lets the failure through', async () => {
    provider.register();
    setTracingEnabled(true);
    await expect(inStationCallSpan('Heartbeat', 'CP-1', () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    const [span] = exporter.getFinishedSpans();
    expect(span?.status.code).toBe(2);
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('starts a new trace for every station CALL, whatever context is active', async () => {
    provider.register();
    setTracingEnabled(true);
    await inStationCallSpan('Heartbeat', 'CP-1', () => inStationCallSpan('Heartbeat', 'CP-2', () => Promise.resolve()));
    const traces = new Set(exporter.getFinishedSpans().map((span) => span.spanContext().traceId));
    expect(traces.size).toBe(2);
  });
});
