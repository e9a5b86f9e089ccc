import type fc from 'fast-check';

/** Seconds each fuzz e2e file runs its properties for; FUZZ_SECONDS lengthens (or shortens) a local run. */
export function fuzzSeconds(): number {
  const value = Number(process.env.FUZZ_SECONDS ?? '30');
  if (!Number.isFinite(value) || value <= 0) throw new Error(`FUZZ_SECONDS must be a positive number, got ${process.env.FUZZ_SECONDS}`);
  return value;
}

/**
 * fast-check parameters for one property given `share` of the file's time: runs until the time is
 * up (not a failure), replays FC_SEED (and FC_PATH) when set; fast-check's failure message
 * carries the seed and path to replay. `examples` are the regression cases found so far, run first.
 */
export function fuzzParameters<T>(share: number, examples: T[] = []): fc.Parameters<[T]> {
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 0x7fffffff);
  return {
    seed,
    path: process.env.FC_PATH,
    numRuns: process.env.FC_NUM_RUNS !== undefined ? Number(process.env.FC_NUM_RUNS) : 1_000_000,
    interruptAfterTimeLimit: Math.round(fuzzSeconds() * 1000 * share),
    markInterruptAsFailure: false,
    examples: examples.map((example) => [example]),
  };
}
