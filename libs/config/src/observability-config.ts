import type { Env } from './env-schema';
import type { ProcessLayout } from './load-config';
import type { ObservabilityConfig } from './runtime-config';

/** Tracing is on only where a receiver is named and the SDK is not disabled: off costs nothing. */
export function observabilityConfig(env: Env, layout: Pick<ProcessLayout, 'services'>): ObservabilityConfig {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const tracesUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`);
  const tracing =
    tracesUrl === undefined || env.OTEL_SDK_DISABLED === 'true'
      ? undefined
      : { tracesUrl, serviceName: env.OTEL_SERVICE_NAME ?? `csms-${layout.services.join('-')}`, sampleRatio: env.OTEL_TRACES_SAMPLER_ARG };
  return { tracing, kafkaLagPollMs: env.KAFKA_LAG_POLL_SECONDS * 1000 };
}
