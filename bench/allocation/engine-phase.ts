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
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    allocate(input);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (fraction: number) => round(samples[Math.min(samples.length - 1, Math.ceil(fraction * samples.length) - 1)] ?? Number.NaN);
  return { runs, minMs: round(samples[0] ?? Number.NaN), medianMs: at(0.5), p99Ms: at(0.99), maxMs: round(samples[samples.length - 1] ?? Number.NaN) };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
