import { advisoryLockKeys } from './replica-claim';

describe('advisoryLockKeys', () => {
  it('gives each index of a deployment its own lock, and deployments sharing a database different ones', () => {
    const [deployment, zero] = advisoryLockKeys('prod.', 0);
    expect(advisoryLockKeys('prod.', 3)).toEqual([deployment, 3]);
    expect(zero).toBe(0);
    expect(advisoryLockKeys('staging.', 0)[0]).not.toBe(deployment);
  });

  it('stays within a non-negative int4, as pg_try_advisory_lock(int4, int4) and pg_locks need', () => {
    for (const prefix of ['', 'a', 'e2e-replica-1234.', 'x'.repeat(200)]) {
      const [key] = advisoryLockKeys(prefix, 0);
      expect(Number.isInteger(key) && key >= 0 && key <= 0x7fffffff).toBe(true);
    }
  });
});
