import type { DataSource, EntityManager } from 'typeorm';

/** Carries a failed result out of the transaction callback, so that the transaction rolls back. */
class RolledBack<R> {
  constructor(readonly result: R) {}
}

/**
 * Runs `work` in one transaction for use cases that return errors as values: it commits when
 * `work` returns `{ ok: true, … }`, and rolls back when it returns `{ ok: false, … }` (what it
 * wrote before finding the error is undone) or throws.
 */
export async function resultTransaction<R extends { ok: boolean }>(dataSource: Pick<DataSource, 'transaction'>, work: (manager: EntityManager) => Promise<R>): Promise<R> {
  try {
    return await dataSource.transaction(async (manager) => {
      const result = await work(manager);
      if (!result.ok) throw new RolledBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result as R;
    throw error;
  }
}
