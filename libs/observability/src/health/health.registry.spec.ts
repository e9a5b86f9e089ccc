import { HealthRegistry } from './health.registry';

describe('HealthRegistry', () => {
  it('is ready when every check is', async () => {
    const registry = new HealthRegistry();
    registry.register('database', async () => ({ ok: true }));
    registry.register('messaging', async () => ({ ok: false, detail: 'no broker' }));
    expect(await registry.evaluate()).toEqual({ ok: false, checks: { database: { ok: true }, messaging: { ok: false, detail: 'no broker' } } });
  });

  it('is not ready once told to stop, at once and without running the (possibly slow) checks', async () => {
    const registry = new HealthRegistry();
    const check = jest.fn(async () => ({ ok: true }));
    registry.register('database', check);
    registry.stopServing('stopping on SIGTERM');
    expect(await registry.evaluate()).toEqual({ ok: false, checks: { shutdown: { ok: false, detail: 'stopping on SIGTERM' } } });
    expect(check).not.toHaveBeenCalled();
  });
});
