import type { DataSource } from 'typeorm';
import type { SqlExecutor } from './sql-rows';

/**
 * Opens `connections` pooled connections at once and runs every warm-up on each, so that the
 * first station messages after start find connections open and their named statements
 * prepared (each pooled connection prepares a statement once) instead of paying for both under
 * the first burst of load. A warm-up must change nothing (e.g. a multi-row write of no rows).
 */
export async function warmPool(dataSource: DataSource, connections: number, warmUps: readonly ((executor: SqlExecutor) => Promise<unknown>)[]): Promise<void> {
  const runners = await Promise.all(
    Array.from({ length: Math.max(1, connections) }, async () => {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      return runner;
    }),
  );
  try {
    await Promise.all(runners.map(async (runner) => {
      for (const warmUp of warmUps) await warmUp(runner);
    }));
  } finally {
    await Promise.all(runners.map((runner) => runner.release()));
  }
}
