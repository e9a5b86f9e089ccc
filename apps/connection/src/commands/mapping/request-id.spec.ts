import { derivedRequestId, requestIdOf } from './request-id';

describe('request ids', () => {
  it('derives the same positive 31-bit id from the same command id', () => {
    const ids = ['', 'a', 'cmd-1', 'cmd-2', '6f9619ff-8b86-d011-b42d-00cf4fc964ff'].map(derivedRequestId);
    for (const id of ids) {
      expect(Number.isInteger(id)).toBe(true);
      expect(id).toBeGreaterThan(0);
      expect(id).toBeLessThanOrEqual(2 ** 31 - 1);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(derivedRequestId('cmd-1')).toBe(ids[2]);
  });

  it('keeps a given id, derives one for 0, refuses one beyond 32 bits or negative', () => {
    expect(requestIdOf(17n, 'c')).toEqual({ ok: true, value: 17 });
    expect(requestIdOf(17, 'c')).toEqual({ ok: true, value: 17 });
    expect(requestIdOf(0n, 'c')).toEqual({ ok: true, value: derivedRequestId('c') });
    expect(requestIdOf(2 ** 31, 'c')).toEqual({ ok: false, reason: 'request id 2147483648 is not a positive 32-bit integer' });
    expect(requestIdOf(-4n, 'c').ok).toBe(false);
  });
});
