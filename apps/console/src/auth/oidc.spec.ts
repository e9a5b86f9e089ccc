import { createHash } from 'node:crypto';
import { authorizationUrl, base64Url, callbackParameters, codeChallengeOf, redirectUriOf } from './oidc';

describe('OIDC with PKCE', () => {
  it('derives the S256 challenge of RFC 7636’s example verifier', async () => {
    // RFC 7636 appendix B.
    await expect(codeChallengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(base64Url(new Uint8Array(createHash('sha256').update('x').digest()))).not.toMatch(/[+/=]/);
  });

  it('asks for a code with the challenge, state and exact redirect', () => {
    const url = new URL(authorizationUrl('https://idp.example/auth?kc=1', { issuer: 'https://idp.example', clientId: 'console', scope: 'openid roles' }, 'https://csms/console/', 's1', 'c1'));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'console',
      redirect_uri: 'https://csms/console/',
      scope: 'openid roles',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
    });
    expect(redirectUriOf({ origin: 'https://csms', pathname: '/console/' })).toBe('https://csms/console/');
  });

  it('reads the provider’s answer, or its refusal, or nothing', () => {
    expect(callbackParameters('?code=abc&state=s1')).toEqual({ code: 'abc', state: 's1' });
    expect(callbackParameters('?error=access_denied&error_description=User%20cancelled')).toEqual({ error: 'User cancelled' });
    expect(callbackParameters('?code=abc')).toBeUndefined();
    expect(callbackParameters('')).toBeUndefined();
  });
});
