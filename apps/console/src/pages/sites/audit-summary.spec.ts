import { auditChange } from './audit-summary';

describe('audit entries in a few words', () => {
  it('says how a limit changed', () => {
    const before = { default: { perPhaseA: [80, 80, 80] }, slots: [], version: 1 };
    const after = { default: { perPhaseA: [50, 50, 50] }, slots: [{ start: 'x', durationS: 60, totalW: 1 }], version: 2 };
    expect(auditChange({ action: 'limits-replaced', before, after })).toBe('80 A per phase → 50 A per phase + 1 slot(s)');
    expect(auditChange({ action: 'limits-replaced', before: null, after })).toBe('set to 50 A per phase + 1 slot(s)');
    expect(auditChange({ action: 'limits-deleted', before, after: null })).toBe('removed (was 80 A per phase)');
  });

  it('names other changes', () => {
    expect(auditChange({ action: 'node-updated', before: { limit: { totalW: 1000 } }, after: { limit: null } })).toBe('limit 1 kW total → unlimited');
    expect(auditChange({ action: 'site-created', before: null, after: {} })).toBe('site created');
    expect(auditChange({ action: 'site-tenant-changed', before: null, after: {} })).toBe('site tenant changed');
  });
});
