import type { DataSource, EntityManager } from 'typeorm';
import { resultTransaction } from './result-transaction';

/** A DataSource whose transactions record whether they committed. */
function fakeDataSource() {
  const outcomes: string[] = [];
  const dataSource = {
    async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
      try {
        const value = await work({} as EntityManager);
        outcomes.push('commit');
        return value;
      } catch (error) {
        outcomes.push('rollback');
        throw error;
      }
    },
  } as unknown as Pick<DataSource, 'transaction'>;
  return { dataSource, outcomes };
}

describe('resultTransaction', () => {
  it('commits a success and returns it', async () => {
    const { dataSource, outcomes } = fakeDataSource();
    expect(await resultTransaction(dataSource, async () => ({ ok: true, value: 1 }))).toEqual({ ok: true, value: 1 });
    expect(outcomes).toEqual(['commit']);
  });

  it('rolls back a failure and returns it as a value', async () => {
    const { dataSource, outcomes } = fakeDataSource();
    expect(await resultTransaction(dataSource, async () => ({ ok: false, error: 'stale' }))).toEqual({ ok: false, error: 'stale' });
    expect(outcomes).toEqual(['rollback']);
  });

  it('rolls back and rethrows what the work throws', async () => {
    const { dataSource, outcomes } = fakeDataSource();
    await expect(resultTransaction(dataSource, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(outcomes).toEqual(['rollback']);
  });
});
