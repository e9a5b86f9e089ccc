import { pgJson, pgText } from './pg-values';

describe('pgText and pgJson', () => {
  it('remove the NUL characters PostgreSQL refuses, and keep everything else', () => {
    expect(pgText('a\u0000b')).toBe('ab');
    expect(pgText(undefined)).toBeNull();
    expect(JSON.parse(pgJson({ 'k\u0000ey': ['x\u0000', 1, null, { nested: 'é\u0000' }] }) ?? 'null')).toEqual({ key: ['x', 1, null, { nested: 'é' }] });
    expect(pgJson({ text: 'a\\u0000b' })).toBe('{"text":"a\\\\u0000b"}');
    expect(pgJson(undefined)).toBeNull();
  });
});
