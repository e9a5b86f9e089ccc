import type fc from 'fast-check';

/**
 * fast-check parameters for one property: the seed from `FC_SEED` when given (to replay a failure),
 * else a fresh one, printed so that any run can be replayed. On failure fast-check's message holds
 * the seed, the path and the shrunk counterexample.
 */
export function propertyParameters<T>(name: string, numRuns: number): fc.Parameters<T> {
  const fromEnv = process.env.FC_SEED;
  const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  process.stdout.write(`[fast-check] ${name}: seed ${seed}, ${numRuns} runs (replay with FC_SEED=${seed})\n`);
  return { seed, numRuns };
}
