import type { TracingConfig } from '@app/config';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import type { Logger } from 'pino';
import { IntervalLog } from '../logging/interval-log';
import { setTracingEnabled } from './trace-spans';

export interface Tracing {
  /** Exports the spans still buffered, then stops tracing. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { shutdown: () => Promise.resolve() };

/** The last spans get this long to reach the collector at shutdown: an unreachable one must not use up the pod's grace period. */
const SHUTDOWN_EXPORT_MS = 3000;

/** An export that fails (collector down) is logged at most once a minute, never per batch. */
const DIAG_LOG_INTERVAL_MS = 60_000;

/**
 * Registers the OpenTelemetry trace SDK (batching OTLP/HTTP exporter, W3C trace context and
 * baggage propagation, async-hooks context) when tracing is configured. The SDK is loaded only
 * then: a process without tracing does not even require it.
 */
export async function startTracing(config: TracingConfig | undefined, logger: Logger): Promise<Tracing> {
  if (config === undefined) return OFF;
  const [{ NodeTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const diagnostics = new IntervalLog(logger.child({ component: 'tracing' }), { message: 'the trace exporter reported problems', intervalMs: DIAG_LOG_INTERVAL_MS, level: 'warn' });
  const report = (message: string) => diagnostics.record(message.slice(0, 200));
  diag.setLogger({ error: report, warn: report, info: () => undefined, debug: () => undefined, verbose: () => undefined }, DiagLogLevel.WARN);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl }))],
  });
  provider.register();
  setTracingEnabled(true);
  logger.info({ tracesUrl: withoutCredentials(config.tracesUrl), serviceName: config.serviceName, sampleRatio: config.sampleRatio }, 'tracing on');
  return {
    async shutdown() {
      setTracingEnabled(false);
      let timer: NodeJS.Timeout | undefined;
      const givenUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SHUTDOWN_EXPORT_MS).unref();
      });
      await Promise.race([provider.shutdown().catch((error: unknown) => diagnostics.record('shutdown', { err: error })), givenUp]);
      clearTimeout(timer);
      diagnostics.flush();
    },
  };
}

/** A receiver URL may carry a user and password or a token parameter: never logged. */
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
