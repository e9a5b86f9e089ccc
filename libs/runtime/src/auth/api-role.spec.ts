import { type ApiRole, type TokenRole, apiRoles, grants, rolesAdmitted } from './api-role';

/** The role matrix of ADR 036: for each required role (rows), which single held role passes. */
const matrix: Record<ApiRole, Record<TokenRole, boolean>> = {
  viewer: { viewer: true, operator: true, 'security-officer': true, admin: true, 'grid-operator': false },
  operator: { viewer: false, operator: true, 'security-officer': false, admin: true, 'grid-operator': false },
  'security-officer': { viewer: false, operator: false, 'security-officer': true, admin: true, 'grid-operator': false },
  admin: { viewer: false, operator: false, 'security-officer': false, admin: true, 'grid-operator': false },
};

const cases = apiRoles.flatMap((required) => Object.entries(matrix[required]).map(([held, passes]) => [required, held as TokenRole, passes] as const));

describe('the role matrix', () => {
  it.each(cases)('an endpoint requiring %s admits a token holding only %s: %s', (required, held, passes) => {
    expect(grants([held], required)).toBe(passes);
  });

  it('lists the admitted roles the way grants() decides', () => {
    for (const required of apiRoles) {
      expect([...rolesAdmitted(required)].sort()).toEqual(
        Object.entries(matrix[required])
          .filter(([, passes]) => passes)
          .map(([held]) => held)
          .sort(),
      );
    }
  });

  it('combines the roles a token holds: operator plus security-officer reaches both sides, but not admin', () => {
    expect(grants(['operator', 'security-officer'], 'operator')).toBe(true);
    expect(grants(['operator', 'security-officer'], 'security-officer')).toBe(true);
    expect(grants(['operator', 'security-officer'], 'admin')).toBe(false);
  });

  it('grants nothing to a token without roles', () => {
    expect(apiRoles.filter((required) => grants([], required))).toEqual([]);
  });
});
