import type { TokenRole } from '@app/runtime';
import { SOURCE_PATTERN, mayWriteSource } from './limit-source';

const token = (roles: TokenRole[], sites?: string[]) => ({ roles, ...(sites ? { sites } : {}) });

describe('mayWriteSource', () => {
  it.each([
    ['viewer', token(['viewer']), false, false],
    ['operator', token(['operator']), true, false],
    ['admin', token(['admin']), true, true],
    ['grid operator of the site', token(['grid-operator'], ['SITE-001']), false, true],
    ['grid operator of another site', token(['grid-operator'], ['SITE-002']), false, false],
    ['viewer and grid operator of the site', token(['viewer', 'grid-operator'], ['SITE-001']), false, true],
    ['operator and grid operator of another site', token(['operator', 'grid-operator'], ['SITE-002']), true, false],
  ])('on SITE-001, a token of %s writes operator limits: %s, grid-operator limits: %s', (_who, principal, operator, gridOperator) => {
    expect(mayWriteSource(principal, 'SITE-001', 'operator')).toBe(operator);
    expect(mayWriteSource(principal, 'SITE-001', 'grid-operator')).toBe(gridOperator);
  });
});

describe('SOURCE_PATTERN', () => {
  it.each(['operator', 'grid-operator', 'oscp:dso-north', 'station:CP-0001', 'station:A*B=C+D|E@F', 'operator-profile:CP-1', 'station:CP-1:EMS:0', `operator-profile:${'C'.repeat(48)}:tx-default:2147483647:2147483647:2147483647`])('accepts %s', (source) => {
    expect(SOURCE_PATTERN.test(source)).toBe(true);
  });

  it.each(['', 'admin', 'oscp:', 'station:', 'oscp:a b', 'grid-operator ', `oscp:${'x'.repeat(65)}`, 'Operator', `station:${'x'.repeat(129)}`, 'operator-profile:CP 1:tx:1:0:5'])('refuses "%s"', (source) => {
    expect(SOURCE_PATTERN.test(source)).toBe(false);
  });
});
