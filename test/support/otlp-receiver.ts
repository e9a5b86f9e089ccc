import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as OTLP/JSON carries it (ids in hex), with the service that exported it. */
export interface ReceivedSpan {
  service: string;
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Record<string, unknown>;
}

/** OTLP span kinds (opentelemetry-proto trace.proto). */
export const SpanKinds = { server: 2, producer: 4, consumer: 5 } as const;

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: { name: string; kind: number; traceId: string; spanId: string; parentSpanId?: string; attributes?: OtlpAttribute[] }[] }[];
  }[];
}

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; boolValue?: boolean; doubleValue?: number };
}

function attributesOf(attributes: OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue]));
}

/**
 * An OTLP/HTTP trace receiver in the test process (what a collector would be): keeps the spans the
 * services export as OTLP/JSON to `<url>/v1/traces`. A body in another encoding fails the test
 * loudly rather than being skipped.
 */
export class OtlpReceiver {
  private constructor(
    private readonly server: Server,
    readonly spans: ReceivedSpan[],
    readonly problems: string[],
  ) {}

  static async start(): Promise<OtlpReceiver> {
    const spans: ReceivedSpan[] = [];
    const problems: string[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        accept(spans, problems, request.url ?? '', request.headers['content-type'] ?? '', Buffer.concat(chunks));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new OtlpReceiver(server, spans, problems);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Keeps the spans of an OTLP/JSON export request; anything else is noted as a problem. */
function accept(spans: ReceivedSpan[], problems: string[], url: string, contentType: string, body: Buffer): void {
  if (url !== '/v1/traces' || !contentType.startsWith('application/json')) {
    problems.push(`${url} ${contentType}`);
    return;
  }
  const payload = JSON.parse(body.toString('utf8')) as OtlpJson;
  for (const resourceSpans of payload.resourceSpans ?? []) {
    const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
    for (const scope of resourceSpans.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        spans.push({
          service,
          name: span.name,
          kind: span.kind,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          attributes: attributesOf(span.attributes),
        });
      }
    }
  }
}
