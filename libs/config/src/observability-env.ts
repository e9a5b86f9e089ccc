import { z } from 'zod';

const ratio = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a number between 0 and 1')
  .transform(Number);

const otlpUrl = z
  .string()
  .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), 'must be an http(s) URL of an OTLP/HTTP receiver');

/**
 * Tracing and Kafka lag variables. The OTEL_* names and meanings are the OpenTelemetry standard
 * ones, so that an operator's usual collector settings work; only the subset we honour is
 * validated here (the OTLP exporter reads OTEL_EXPORTER_OTLP_HEADERS and its timeouts itself).
 */
export const observabilityEnv = {
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
  /** Base URL of an OTLP/HTTP receiver; traces go to `<url>/v1/traces`. Unset (and no traces URL): tracing is off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl.optional(),
  /** The full traces URL; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl.optional(),
  OTEL_SERVICE_NAME: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1-100 letters, digits, dots, dashes or underscores').optional(),
  /** The share of new traces recorded (parent-based: a trace begun upstream keeps its caller's decision). */
  OTEL_TRACES_SAMPLER_ARG: ratio.default(1),
  /** How often each consumer group's lag is read from the brokers; 0: never. */
  KAFKA_LAG_POLL_SECONDS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of seconds between 0 and 3600')
    .transform(Number)
    .refine((n) => n <= 3600, 'must be a whole number of seconds between 0 and 3600')
    .default(15),
};
