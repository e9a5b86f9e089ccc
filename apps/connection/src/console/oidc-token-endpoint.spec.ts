import { OidcTokenEndpointOrigin } from './oidc-token-endpoint';

const ISSUER = 'https://accounts.example/realms/cpo';
const DOCUMENT = { issuer: ISSUER, token_endpoint: 'https://oauth2.example:8443/token', jwks_uri: 'https://accounts.example/certs' };

function fixture(answers: (() => Promise<unknown>)[]) {
  let clock = 1_000_000;
  const warnings: object[] = [];
  const urls: string[] = [];
  const origin = new OidcTokenEndpointOrigin(
    ISSUER,
    { warn: (details) => warnings.push(details) },
    {
      fetch: (url) => {
        urls.push(url);
        const next = answers.shift();
        return next ? next() : Promise.reject(new Error('no more answers'));
      },
      maxAgeMs: 60_000,
      retryMs: 10_000,
      now: () => clock,
    },
  );
  return { origin, warnings, urls, advance: (ms: number) => (clock += ms) };
}

describe('OidcTokenEndpointOrigin', () => {
  it('discovers the token endpoint origin once, caches it, and reads the document again in the background when it is old', async () => {
    const { origin, urls, advance } = fixture([async () => DOCUMENT, async () => ({ ...DOCUMENT, token_endpoint: 'https://moved.example/token' })]);
    await expect(Promise.all([origin.current(), origin.current()])).resolves.toEqual(['https://oauth2.example:8443', 'https://oauth2.example:8443']);
    expect(urls).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
    advance(60_000);
    // The old origin answers at once while the document is read again.
    await expect(origin.current()).resolves.toBe('https://oauth2.example:8443');
    await expect(origin.current()).resolves.toBe('https://moved.example');
    expect(urls).toHaveLength(2);
  });

  it('answers undefined on failure with one warning, retries only after a while, and recovers', async () => {
    const { origin, warnings, urls, advance } = fixture([() => Promise.reject(new Error('timeout')), async () => ({ ...DOCUMENT, issuer: 'https://evil.example' }), async () => DOCUMENT]);
    await expect(origin.current()).resolves.toBeUndefined();
    await expect(origin.current()).resolves.toBeUndefined();
    expect(urls).toHaveLength(1);
    advance(10_000);
    await expect(origin.current()).resolves.toBeUndefined();
    expect(urls).toHaveLength(2);
    expect(warnings).toEqual([expect.objectContaining({ reason: 'timeout' })]);
    advance(10_000);
    await expect(origin.current()).resolves.toBe('https://oauth2.example:8443');
  });

  it('refuses a token endpoint that is not http(s)', async () => {
    const { origin, warnings } = fixture([async () => ({ ...DOCUMENT, token_endpoint: 'javascript:alert(1)' })]);
    await expect(origin.current()).resolves.toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ reason: 'the discovery document has no http(s) token_endpoint' })]);
  });
});
