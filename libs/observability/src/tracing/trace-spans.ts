import { type Attributes, type Context, ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';

const TRACER_NAME = 'csms';

/**
 * Set once the SDK is registered (startTracing). Every helper checks it first, so that with
 * tracing off the per-message path pays one boolean test: no no-op span objects, no context
 * switches, no header parsing (ADR 048).
 */
let enabled = false;

export function setTracingEnabled(on: boolean): void {
  enabled = on;
}

export function isTracingEnabled(): boolean {
  return enabled;
}

/** Runs `work` inside a new span, child of `parent` (default: the active span); with tracing off, just runs it. */
export function inSpan<T>(name: string, kind: SpanKind, attributes: Attributes, work: () => Promise<T>, parent?: Context): Promise<T> {
  if (!enabled) return work();
  const parentContext = parent ?? context.active();
  const span = trace.getTracer(TRACER_NAME).startSpan(name, { kind, attributes }, parentContext);
  return context.with(trace.setSpan(parentContext, span), async () => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Writes the active span's W3C `traceparent` (and `tracestate`) into outgoing record headers. */
export function injectTraceContext(headers: Record<string, string>): void {
  if (!enabled) return;
  propagation.inject(context.active(), headers);
}

/** The span of a station's OCPP CALL in the gateway: the root of what the message causes downstream. */
export function inStationCallSpan<T>(action: string, stationId: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  // A new trace per CALL: stations send no trace context, and an HTTP span must not adopt them.
  return inSpan(`ocpp ${action}`, SpanKind.SERVER, { 'rpc.system': 'ocpp', 'rpc.method': action, 'ocpp.station_id': stationId }, work, ROOT_CONTEXT);
}

/** The span of producing records to a topic, around the durable publish. */
export function inPublishSpan<T>(topic: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  return inSpan(`${topic} publish`, SpanKind.PRODUCER, { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.operation.type': 'send' }, work);
}

/** The span of a consumer group handling one record, child of the span that produced it (its `traceparent` header). */
export function inConsumeSpan<T>(topic: string, group: string, headers: Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  return inSpan(
    `${topic} process`,
    SpanKind.CONSUMER,
    { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.consumer.group.name': group, 'messaging.operation.type': 'process' },
    work,
    parent,
  );
}
