import { decideAuthorization } from './authorization.policy';
import type { StoredIdToken } from './id-token';

const now = new Date('2025-06-01T12:00:00Z');
const tag = { value: 'TAG-1', type: 'IdTag' };
const stored = (overrides: Partial<StoredIdToken> = {}): StoredIdToken => ({
  value: 'TAG-1',
  type: 'ISO14443',
  status: 'Accepted',
  expiresAt: null,
  groupIdToken: null,
  ...overrides,
});

describe('decideAuthorization', () => {
  it('gives a registered token its status, expiry and group', () => {
    const expiresAt = new Date('2025-07-01T00:00:00Z');
    expect(decideAuthorization(tag, stored({ expiresAt, groupIdToken: 'FLEET-7' }), now, 'reject')).toEqual({
      status: 'Accepted',
      expiresAt,
      groupIdToken: 'FLEET-7',
    });
    expect(decideAuthorization(tag, stored({ status: 'Blocked' }), now, 'accept').status).toBe('Blocked');
  });

  it('answers Expired once the expiry has passed, also exactly at the expiry', () => {
    expect(decideAuthorization(tag, stored({ expiresAt: new Date('2025-05-31T00:00:00Z') }), now, 'accept').status).toBe('Expired');
    expect(decideAuthorization(tag, stored({ expiresAt: now }), now, 'accept').status).toBe('Expired');
  });

  it('keeps Blocked for a blocked token past its expiry', () => {
    expect(decideAuthorization(tag, stored({ status: 'Blocked', expiresAt: new Date('2025-01-01T00:00:00Z') }), now, 'accept').status).toBe('Blocked');
  });

  it.each([
    ['accept', 'Accepted'],
    ['reject', 'Invalid'],
  ] as const)('with unknown tokens set to %s, answers an unknown token %s', (policy, status) => {
    expect(decideAuthorization(tag, undefined, now, policy)).toEqual({ status, expiresAt: undefined, groupIdToken: undefined });
  });

  it('accepts a 2.0.1 NoAuthorization token, which identifies nobody', () => {
    expect(decideAuthorization({ value: '', type: 'NoAuthorization' }, undefined, now, 'reject').status).toBe('Accepted');
  });
});
