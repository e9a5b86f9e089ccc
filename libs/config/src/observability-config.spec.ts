import { ConfigError, loadConfig } from './load-config';

const pki = { services: ['pki' as const], defaultHttpPort: 3002, embedded: false };

function variableOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.variable;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('observability configuration', () => {
  it('leaves tracing off without an OTLP endpoint, and measures Kafka lag every 15 s', () => {
    expect(loadConfig(pki, {}).observability).toEqual({ tracing: undefined, kafkaLagPollMs: 15_000 });
  });

  it('sends traces to <endpoint>/v1/traces under a service name of the process', () => {
    expect(loadConfig(pki, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).observability.tracing).toEqual({
      tracesUrl: 'http://collector:4318/v1/traces',
      serviceName: 'csms-pki',
      sampleRatio: 1,
    });
  });

  it('prefers the traces URL, the service name and the ratio given', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/traces', OTEL_SERVICE_NAME: 'pki-eu', OTEL_TRACES_SAMPLER_ARG: '0.05' };
    expect(loadConfig(pki, env).observability.tracing).toEqual({ tracesUrl: 'https://b/traces', serviceName: 'pki-eu', sampleRatio: 0.05 });
  });

  it('keeps tracing off when OTEL_SDK_DISABLED is true, and lag off at 0 s', () => {
    expect(loadConfig(pki, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'true', KAFKA_LAG_POLL_SECONDS: '0' }).observability).toEqual({ tracing: undefined, kafkaLagPollMs: 0 });
  });

  it('names the variable of a bad value', () => {
    expect(variableOf(() => loadConfig(pki, { OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://a:4317' }))).toBe('OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(variableOf(() => loadConfig(pki, { OTEL_TRACES_SAMPLER_ARG: '1.5' }))).toBe('OTEL_TRACES_SAMPLER_ARG');
    expect(variableOf(() => loadConfig(pki, { OTEL_SDK_DISABLED: 'yes' }))).toBe('OTEL_SDK_DISABLED');
    expect(variableOf(() => loadConfig(pki, { KAFKA_LAG_POLL_SECONDS: '-1' }))).toBe('KAFKA_LAG_POLL_SECONDS');
    expect(variableOf(() => loadConfig(pki, { OTEL_SERVICE_NAME: 'a b' }))).toBe('OTEL_SERVICE_NAME');
  });
});
