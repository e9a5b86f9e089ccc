/**
 * Runs `task(0)` … `task(count - 1)` with at most `limit` in flight, in index order; stops
 * starting new ones once `signal` aborts. Resolves when every started task has settled; task
 * failures are the task's business (it should catch and report them).
 */
export async function runBounded(count: number, limit: number, task: (index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && !signal?.aborted) {
      const index = next;
      next += 1;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
}
