import { siteGranted } from './site-grants';

describe('siteGranted', () => {
  const gridOperator = { roles: ['grid-operator' as const], sites: ['SITE-001', 'SITE-002'] };

  it('grants a grid-operator token the sites listed for it', () => {
    expect(siteGranted(gridOperator, 'SITE-001')).toBe(true);
    expect(siteGranted(gridOperator, 'SITE-002')).toBe(true);
  });

  it('refuses every other site, compared exactly (no prefix, no case folding)', () => {
    expect(siteGranted(gridOperator, 'SITE-003')).toBe(false);
    expect(siteGranted(gridOperator, 'site-001')).toBe(false);
    expect(siteGranted(gridOperator, 'SITE-0011')).toBe(false);
    expect(siteGranted(gridOperator, 'SITE-00')).toBe(false);
  });

  it('refuses when the route names no site', () => {
    expect(siteGranted(gridOperator, undefined)).toBe(false);
  });

  it('grants nothing to a token without the grid-operator role, whatever sites it lists', () => {
    expect(siteGranted({ roles: ['admin'], sites: ['SITE-001'] }, 'SITE-001')).toBe(false);
    expect(siteGranted({ roles: ['viewer'] }, 'SITE-001')).toBe(false);
  });

  it('grants nothing to a grid-operator token without sites', () => {
    expect(siteGranted({ roles: ['grid-operator'] }, 'SITE-001')).toBe(false);
  });
});
