/** The gateway's own csms_* metrics, as its /metrics endpoint (Prometheus text) shows them. */
export interface CsmsMetrics {
  /** Every csms_* sample by its name and labels, e.g. `csms_ocpp_answers_withheld_total{action="MeterValues"}`. */
  samples: Record<string, number>;
  /** The metric names prometheus declared as counters. */
  counters: Set<string>;
}

export async function scrapeCsmsMetrics(httpUrl: string): Promise<CsmsMetrics> {
  return parseCsmsMetrics(await (await fetch(`${httpUrl}/metrics`)).text());
}

/** The csms_* samples of a Prometheus text exposition. */
export function parseCsmsMetrics(text: string): CsmsMetrics {
  const counters = new Set([...text.matchAll(/^# TYPE (csms_\w+) counter$/gm)].map((match) => match[1] ?? ''));
  const samples: Record<string, number> = {};
  for (const match of text.matchAll(/^(csms_\w+(?:\{[^}]*\})?) ([0-9.e+-]+|NaN)$/gm)) samples[match[1] ?? ''] = Number(match[2]);
  return { samples, counters };
}

function metricName(sample: string): string {
  return sample.replace(/\{.*$/, '');
}

/**
 * What changed between two scrapes, without knowing the metrics in advance: each counter sample
 * that grew (by how much), and each gauge sample that is not zero at the end or moved, with its
 * value then (pool and queue gauges, connections).
 */
export function metricsChange(before: CsmsMetrics, after: CsmsMetrics): { counters: Record<string, number>; gauges: Record<string, number> } {
  const counters: Record<string, number> = {};
  const gauges: Record<string, number> = {};
  for (const [sample, value] of Object.entries(after.samples)) {
    // The benchmark's own scrapes.
    if (sample.includes('route="/metrics"')) continue;
    const previous = before.samples[sample] ?? 0;
    const name = metricName(sample);
    // A histogram's _bucket/_sum/_count lines belong to neither: its _count says how often it was observed.
    if (after.counters.has(name)) {
      if (value !== previous) counters[sample] = Math.round((value - previous) * 1000) / 1000;
    } else if (/_(bucket|sum)$/.test(name)) continue;
    else if (/_count$/.test(name)) {
      if (value !== previous) counters[sample] = value - previous;
    } else if (value !== 0 || value !== previous) gauges[sample] = value;
  }
  return { counters, gauges };
}
