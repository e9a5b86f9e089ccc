import { type Server, createServer } from 'node:http';
import { type CryptoKey, type JWK, type JWTPayload, SignJWT, exportJWK, generateKeyPair } from 'jose';

/** A signing key of the test identity provider: the private key and the public JWK it publishes (with `kid`). */
export interface TestSigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function testSigningKey(kid: string, alg: 'RS256' | 'ES256' = 'RS256'): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/**
 * An OpenID provider as far as a resource server sees one, on a real local HTTP server: the
 * discovery document at `<issuer>/.well-known/openid-configuration` and the JWKS it names, whose
 * keys the test rotates. Counts the JWKS fetches, and signs access tokens with its keys. With
 * `tokenEndpointElsewhere`, its discovery names a token endpoint on a second server (another
 * origin, as Google's oauth2.googleapis.com), which answers nothing but 404.
 */
export class TestIdentityProvider {
  /** The keys the JWKS publishes now. */
  published: TestSigningKey[] = [];
  jwksFetches = 0;
  discoveryFetches = 0;
  issuer = '';
  tokenEndpoint = '';
  private server: Server | undefined;
  private tokenServer: Server | undefined;

  constructor(private readonly options: { tokenEndpointElsewhere?: boolean } = {}) {}

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const reply = (body: unknown) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.url === '/realms/csms/.well-known/openid-configuration') {
        this.discoveryFetches += 1;
        return reply({ issuer: this.issuer, jwks_uri: `${this.issuer}/protocol/openid-connect/certs`, token_endpoint: this.tokenEndpoint });
      }
      if (request.url === '/realms/csms/protocol/openid-connect/certs') {
        this.jwksFetches += 1;
        return reply({ keys: this.published.map((key) => key.jwk) });
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the identity provider has no port');
    this.server = server;
    this.issuer = `http://127.0.0.1:${address.port}/realms/csms`;
    this.tokenEndpoint = `${this.issuer}/protocol/openid-connect/token`;
    if (this.options.tokenEndpointElsewhere) {
      const tokenServer = createServer((_request, response) => void response.writeHead(404).end());
      await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
      const tokenAddress = tokenServer.address();
      if (tokenAddress === null || typeof tokenAddress === 'string') throw new Error('the token endpoint has no port');
      this.tokenServer = tokenServer;
      this.tokenEndpoint = `http://127.0.0.1:${tokenAddress.port}/oauth2/token`;
    }
  }

  async stop(): Promise<void> {
    for (const server of [this.server, this.tokenServer]) {
      server?.closeAllConnections();
      await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
    }
  }

  /** An access token: issuer, `sub`, one hour of validity, the claims given (which override those), signed with `key`. */
  sign(key: TestSigningKey, claims: JWTPayload, header: { alg?: string } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: this.issuer, sub: 'e2e-user', iat: now, exp: now + 3600, ...claims })
      .setProtectedHeader({ alg: String(key.jwk.alg), kid: key.kid, ...header })
      .sign(key.privateKey);
  }
}
