import { failureSignature, loggableError, redactSecrets } from './failure-signature';

describe('redactSecrets', () => {
  it('removes the credentials of a URL', () => {
    expect(redactSecrets('cannot reach postgres://csms:s3cret@db:5432/csms')).toBe('cannot reach postgres://***@db:5432/csms');
  });

  it('removes password and token assignments', () => {
    expect(redactSecrets('login failed: password=hunter2 token: abc.def')).toBe('login failed: password=*** token: ***');
  });

  it('removes bearer tokens and private keys', () => {
    const text = 'sent Bearer eyJhbGciOi.x.y with -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- attached';
    expect(redactSecrets(text)).toBe('sent Bearer *** with [private key] attached');
  });
});

describe('failureSignature', () => {
  it('names the error class and keeps a redacted, bounded message', () => {
    class QueryFailedError extends Error {}
    const signature = failureSignature(new QueryFailedError(`postgres://u:p@h/d ${'x'.repeat(2000)}`));
    expect(signature.errorClass).toBe('QueryFailedError');
    expect(signature.message.startsWith('postgres://***@h/d')).toBe(true);
    expect(signature.message).toHaveLength(1000);
  });

  it('describes a thrown value that is not an Error', () => {
    expect(failureSignature('boom')).toEqual({ errorClass: 'string', message: 'boom' });
  });
});

describe('loggableError', () => {
  it('keeps class, redacted message and stack, and drops the other properties (a query’s parameters)', () => {
    const error = Object.assign(new Error('insert failed for postgres://u:pw@db/csms'), { name: 'QueryFailedError', parameters: ['id-token-4711'] });
    const logged = loggableError(error);
    expect(Object.keys(logged).sort()).toEqual(['message', 'stack', 'type']);
    expect(JSON.stringify(logged)).not.toMatch(/pw@|id-token-4711/);
  });
});
