import { type AllocationInput, allocate } from '@app/smart-charging/allocation';
import { benchSite } from './bench-site';

export interface EnginePhaseOptions {
  evses: number;
  runs: number;
  warmup: number;
  seed: number;
}

export interface Timing {
  runs: number;
  minMs: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  /** Median CPU time of this process per run: what the run cost, apart from waiting for a core on a busy machine. */
  cpuMedianMs: number;
}

export interface EnginePhaseResult {
  phase: 'engine';
  site: { nodes: number; evses: number; sessions: number; fixedLoads: number };
  outcome: { charging: number; paused: number; totalA: number };
  /** What the dispatcher sees: every session's `offeredA` known, one filling pass. */
  offeredKnown: Timing;
  /** No `offeredA` anywhere: sessions with a draw are compared with a first, uncapped pass (two passes). */
  offeredUnknown: Timing;
}

/** `allocate` alone on one site, in this process: warm-up runs, then `runs` timed runs. */
export function runEnginePhase(options: EnginePhaseOptions): EnginePhaseResult {
  const input = benchSite({ evses: options.evses, seed: options.seed });
  const withoutOffers: AllocationInput = { ...input, sessions: input.sessions.map(({ offeredA: _offered, ...session }) => session) };
  const offeredKnown = time(input, options);
  const offeredUnknown = time(withoutOffers, options);
  const currents = [...allocate(input).currents.values()];
  return {
    phase: 'engine',
    site: { nodes: input.nodes.length, evses: options.evses, sessions: input.sessions.length, fixedLoads: input.fixedLoads?.length ?? 0 },
    outcome: {
      charging: currents.filter((current) => current > 0).length,
      paused: currents.filter((current) => current === 0).length,
      totalA: Math.round(currents.reduce((sum, current) => sum + current, 0)),
    },
    offeredKnown,
    offeredUnknown,
  };
}

function time(input: AllocationInput, { runs, warmup }: EnginePhaseOptions): Timing {
  for (let run = 0; run < warmup; run++) allocate(input);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    allocate(input);
    const spent = process.cpuUsage(cpuBefore);
    samples.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const at = (values: number[], fraction: number) => round(values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.max(0, Math.ceil(fraction * values.length) - 1))] ?? Number.NaN);
  return { runs, minMs: at(samples, 0), medianMs: at(samples, 0.5), p99Ms: at(samples, 0.99), maxMs: at(samples, 1), cpuMedianMs: at(cpu, 0.5) };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
