import { corsDecision } from './cors-policy';

const allowed = new Set(['http://localhost:3000', 'https://console.example']);

describe('corsDecision', () => {
  it('adds nothing at all when no origin is configured', () => {
    expect(corsDecision(new Set(), { method: 'OPTIONS', origin: 'http://localhost:3000', requestMethod: 'GET' })).toEqual({ kind: 'off' });
    expect(corsDecision(new Set(), { method: 'GET', origin: 'http://localhost:3000', requestMethod: undefined })).toEqual({ kind: 'off' });
  });

  it('answers the preflight of an allowed origin with the methods, headers and max age the console needs', () => {
    expect(corsDecision(allowed, { method: 'OPTIONS', origin: 'http://localhost:3000', requestMethod: 'PUT' })).toEqual({
      kind: 'preflight',
      headers: {
        'Access-Control-Allow-Origin': 'http://localhost:3000',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      },
    });
  });

  it('echoes an allowed origin on normal answers and exposes Retry-After and WWW-Authenticate, never credentials', () => {
    const decision = corsDecision(allowed, { method: 'GET', origin: 'https://console.example', requestMethod: undefined });
    expect(decision).toMatchObject({ kind: 'grant', headers: { 'Access-Control-Allow-Origin': 'https://console.example' } });
    const headers = decision.kind === 'grant' ? decision.headers : {};
    expect(headers['Access-Control-Expose-Headers']).toContain('Retry-After');
    expect(headers['Access-Control-Expose-Headers']).toContain('WWW-Authenticate');
    expect(headers).not.toHaveProperty('Access-Control-Allow-Credentials');
  });

  it('an OPTIONS without Access-Control-Request-Method is not a preflight', () => {
    expect(corsDecision(allowed, { method: 'OPTIONS', origin: 'https://console.example', requestMethod: undefined }).kind).toBe('grant');
  });

  it('grants nothing to another origin, a look-alike or a missing one (the answer still varies by Origin)', () => {
    for (const origin of ['https://evil.example', 'https://console.example.evil.example', 'https://console.example:443', 'http://console.example', 'null', undefined]) {
      expect(corsDecision(allowed, { method: 'OPTIONS', origin, requestMethod: 'GET' })).toEqual({ kind: 'vary' });
      expect(corsDecision(allowed, { method: 'GET', origin, requestMethod: undefined })).toEqual({ kind: 'vary' });
    }
  });
});
