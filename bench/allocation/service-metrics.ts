/** A service's Prometheus text exposition, as `name{labels}` → value. */
export type MetricSample = Map<string, number>;

export async function scrapeMetrics(baseUrl: string): Promise<MetricSample> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const sample: MetricSample = new Map();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const split = line.lastIndexOf(' ');
    sample.set(line.slice(0, split), Number(line.slice(split + 1)));
  }
  return sample;
}

/** The sum, over every label set, of how much a series named `name` grew between two samples. */
export function grown(before: MetricSample, after: MetricSample, name: string, labelFilter = ''): number {
  let total = 0;
  for (const [key, value] of after) {
    const series = key.split('{')[0];
    if (series !== name || !key.includes(labelFilter)) continue;
    total += value - (before.get(key) ?? 0);
  }
  return total;
}

/** A histogram's observations between two samples: how many, and their mean in ms. */
export function histogramDelta(before: MetricSample, after: MetricSample, name: string, labelFilter = ''): { count: number; meanMs: number | null } {
  const count = grown(before, after, `${name}_count`, labelFilter);
  const sum = grown(before, after, `${name}_sum`, labelFilter);
  return { count, meanMs: count > 0 ? Math.round((sum / count) * 1000 * 10) / 10 : null };
}
