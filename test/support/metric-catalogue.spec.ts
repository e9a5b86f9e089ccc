import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAFANA_DASHBOARD, createdMetrics, dashboardExpressions, documentedMetrics, familyOf, metricsInPromQl, samplesOf, scrapedFamilies } from './metric-catalogue';
import { repoRoot } from './repo-root';

describe('the metric catalogue (docs/metrics.md)', () => {
  const documented = documentedMetrics();
  const created = createdMetrics();

  it('finds the metrics of every app in the code and the page', () => {
    expect(created.size).toBeGreaterThan(30);
    expect(documented.size).toBeGreaterThan(30);
    for (const name of ['csms_ocpp_connections', 'csms_kafka_consumer_lag', 'csms_smart_charging_allocated_watts', 'csms_pki_csr_decisions_total']) expect(created.has(name)).toBe(true);
  });

  it('documents every csms_ metric the code creates, with its type and labels', () => {
    const undocumented = [...created.values()].filter((metric) => !documented.has(metric.name)).map((metric) => `${metric.name} (${metric.source})`);
    expect(undocumented).toEqual([]);
    for (const metric of created.values()) {
      expect({ name: metric.name, type: documented.get(metric.name)?.type, labels: documented.get(metric.name)?.labels }).toEqual({ name: metric.name, type: metric.type, labels: metric.labels });
    }
  });

  it('lists only metrics the code creates', () => {
    expect([...documented.keys()].filter((name) => !created.has(name))).toEqual([]);
  });

  it('reads rows, types and labels from the page, and refuses a metric listed twice', () => {
    const page = ['| `csms_a_total` | counter | `x`, `b` | pki | A. |', '| `csms_b` | gauge | | all | B. |', '| not a row |'].join('\n');
    expect([...documentedMetrics(page).values()]).toEqual([
      { name: 'csms_a_total', type: 'counter', labels: ['b', 'x'], app: 'pki' },
      { name: 'csms_b', type: 'gauge', labels: [], app: 'all' },
    ]);
    expect(() => documentedMetrics(`${page}\n| \`csms_b\` | gauge | | all | again |`)).toThrow('csms_b twice');
  });
});

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(readFileSync(path.join(repoRoot(), GRAFANA_DASHBOARD), 'utf8')) as Parameters<typeof dashboardExpressions>[0];
  const expressions = dashboardExpressions(dashboard);
  const documented = new Set(documentedMetrics().keys());

  it('has panels for stations, messages, latency, Kafka lag, allocation and certificates', () => {
    const used = new Set(expressions.flatMap(({ expr }) => metricsInPromQl(expr).map((series) => familyOf(series, documented))));
    for (const name of ['csms_ocpp_connections', 'csms_ocpp_call_handling_seconds', 'csms_kafka_consumer_lag', 'csms_smart_charging_allocation_runs_total', 'csms_smart_charging_allocated_watts', 'csms_smart_charging_sessions', 'csms_smart_charging_profiles_sent_total', 'csms_pki_csr_decisions_total', 'csms_pki_certificates_expiring', 'csms_pki_revocations_total', 'csms_pki_ocsp_responses_total']) {
      expect(used.has(name)).toBe(true);
    }
  });

  it('reads only documented metrics in every expression', () => {
    const unknown = expressions.flatMap(({ panel, expr }) => metricsInPromQl(expr).filter((series) => !documented.has(familyOf(series, documented))).map((series) => `${panel}: ${series}`));
    expect(expressions.length).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });

  it('reads metric names out of PromQL, not functions, labels, keywords or durations', () => {
    const expr = 'histogram_quantile(0.99, sum by (le, action) (rate(csms_ocpp_call_handling_seconds_bucket{outcome="answered", job=~"$job"}[5m]))) / on (action) group_left max without (instance) (csms_x offset 1h) or vector(0)';
    expect(metricsInPromQl(expr).sort()).toEqual(['csms_ocpp_call_handling_seconds_bucket', 'csms_x']);
    expect(familyOf('csms_ocpp_call_handling_seconds_bucket', new Set(['csms_ocpp_call_handling_seconds']))).toBe('csms_ocpp_call_handling_seconds');
    expect(familyOf('csms_messages_consumed_total', new Set(['csms_messages_consumed_total']))).toBe('csms_messages_consumed_total');
  });
});

describe('reading a Prometheus exposition', () => {
  const text = ['# HELP csms_a A', '# TYPE csms_a counter', 'csms_a{group="g",topic="t"} 3', 'csms_a{group="h",topic="t"} 0', '# TYPE csms_h histogram', 'csms_h_count 2'].join('\n');

  it('finds the families and their samples', () => {
    expect([...scrapedFamilies(text)]).toEqual([
      ['csms_a', 'counter'],
      ['csms_h', 'histogram'],
    ]);
    expect(samplesOf(text, 'csms_a')).toEqual([
      { labels: { group: 'g', topic: 't' }, value: 3 },
      { labels: { group: 'h', topic: 't' }, value: 0 },
    ]);
    expect(samplesOf(text, 'csms_h_count')).toEqual([{ labels: {}, value: 2 }]);
  });
});
