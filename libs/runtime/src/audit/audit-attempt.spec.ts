import { MAX_AUDITED_JSON_BYTES, actorOf, auditedJson, idOfResult, stringParams } from './audit-attempt';

describe('audit attempt parts', () => {
  it('names the actor by its principal, never its credential, an API token unless it says otherwise', () => {
    expect(actorOf({ name: 'ops', roles: ['operator'] })).toEqual({ name: 'ops', roles: ['operator'], tenant: null, credential: 'api-token' });
    expect(actorOf({ name: 'alice', roles: ['admin'], tenant: 'acme', credential: 'oidc' })).toEqual({ name: 'alice', roles: ['admin'], tenant: 'acme', credential: 'oidc' });
  });

  it('keeps a body redacted, and too large a one as a note of its size', () => {
    expect(auditedJson({ password: 'p', name: 'n' })).toEqual({ password: '[redacted]', name: 'n' });
    expect(auditedJson(undefined)).toBeNull();
    const large = auditedJson({ slots: 'x'.repeat(MAX_AUDITED_JSON_BYTES) }) as { omitted: string };
    expect(large.omitted).toMatch(/^\d+ bytes of JSON/);
  });

  it('takes the id of a creation from its result, and only string path parameters', () => {
    expect(idOfResult({ siteId: 'S-1' }, 'siteId')).toBe('S-1');
    expect(idOfResult({ id: 7 }, 'id')).toBe('7');
    expect(idOfResult(undefined, 'id')).toBeNull();
    expect(stringParams({ id: 'CP-1', other: 3 })).toEqual({ id: 'CP-1' });
  });
});
