/** What the CSMS process's own Prometheus metrics say about its event loop and garbage collector. */
export interface RuntimeFigures {
  /** Event-loop delay over the period since the previous scrape (prom-client resets it at each scrape). */
  eventLoopLagP99Ms: number;
  eventLoopLagMaxMs: number;
  /** Total time spent in garbage collection so far, by kind (major, minor, incremental, weakcb). */
  gcSecondsByKind: Record<string, number>;
}

function sample(metrics: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(metrics);
  return Number(match?.[1] ?? NaN);
}

export async function runtimeFigures(baseUrl: string): Promise<RuntimeFigures> {
  const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
  const gcSecondsByKind: Record<string, number> = {};
  for (const match of metrics.matchAll(/^nodejs_gc_duration_seconds_sum\{kind="(\w+)"\} ([0-9.e+-]+)$/gm)) {
    gcSecondsByKind[match[1] ?? '?'] = Math.round(Number(match[2]) * 1000) / 1000;
  }
  return {
    eventLoopLagP99Ms: Math.round(sample(metrics, 'nodejs_eventloop_lag_p99_seconds') * 1e4) / 10,
    eventLoopLagMaxMs: Math.round(sample(metrics, 'nodejs_eventloop_lag_max_seconds') * 1e4) / 10,
    gcSecondsByKind,
  };
}
