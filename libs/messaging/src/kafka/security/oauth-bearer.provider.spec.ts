import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuthBearerProvider, OAuthTokenError } from './oauth-bearer.provider';

interface SeenRequest {
  method: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}

/** A real token endpoint on loopback; `answer` decides each response. */
class TokenEndpoint {
  readonly requests: SeenRequest[] = [];
  answer: (request: SeenRequest) => { status: number; body: unknown } = () => ({ status: 200, body: { access_token: `token-${this.requests.length}`, token_type: 'Bearer', expires_in: 100 } });
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request: IncomingMessage, response: ServerResponse) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const seen = { method: request.method, authorization: request.headers.authorization, contentType: request.headers['content-type'], form: new URLSearchParams(body) };
        this.requests.push(seen);
        const { status, body: answer } = this.answer(seen);
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/oauth2/token`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('OAuthBearerProvider (client-credentials grant for SASL/OAUTHBEARER)', () => {
  const endpoint = new TokenEndpoint();
  let tokenUrl: string;
  let clock: number;
  let secret: string;
  const provider = (scope?: string) => new OAuthBearerProvider({ tokenUrl, clientId: 'csms connection', readClientSecret: () => secret, scope }, () => clock);

  beforeAll(async () => {
    tokenUrl = await endpoint.start();
  });
  afterAll(() => endpoint.stop());
  beforeEach(() => {
    endpoint.requests.length = 0;
    endpoint.answer = () => ({ status: 200, body: { access_token: `token-${endpoint.requests.length}`, token_type: 'Bearer', expires_in: 100 } });
    clock = 1_000_000;
    secret = 's3cret:with&odd=chars';
  });

  it('asks for a client-credentials token with the client authenticated by HTTP Basic, and the scope', async () => {
    await expect(provider('kafka:produce kafka:consume').provide()).resolves.toEqual({ value: 'token-1' });
    const [request] = endpoint.requests;
    expect(request?.method).toBe('POST');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request?.form ?? [])).toEqual({ grant_type: 'client_credentials', scope: 'kafka:produce kafka:consume' });
    // RFC 6749 §2.3.1: id and secret form-encoded, joined by a colon, then base64.
    expect(request?.authorization).toBe(`Basic ${Buffer.from('csms+connection:s3cret%3Awith%26odd%3Dchars').toString('base64')}`);
  });

  it('reuses the token for 80 % of its lifetime, then fetches a new one', async () => {
    const tokens = provider();
    expect(await tokens.provide()).toEqual({ value: 'token-1' });
    clock += 79_000;
    expect(await tokens.provide()).toEqual({ value: 'token-1' });
    expect(endpoint.requests).toHaveLength(1);
    clock += 1_000;
    expect(await tokens.provide()).toEqual({ value: 'token-2' });
    expect(endpoint.requests).toHaveLength(2);
  });

  it('shares one request among connections that authenticate at once', async () => {
    const tokens = provider();
    const values = await Promise.all([tokens.provide(), tokens.provide(), tokens.provide()]);
    expect(values).toEqual([{ value: 'token-1' }, { value: 'token-1' }, { value: 'token-1' }]);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('reads the client secret at every fetch, so a rotated secret file needs no restart', async () => {
    const tokens = provider();
    await tokens.provide();
    secret = 'rotated';
    clock += 90_000;
    await tokens.provide();
    expect(endpoint.requests[1]?.authorization).toBe(`Basic ${Buffer.from('csms+connection:rotated').toString('base64')}`);
  });

  it('keeps using the current token while it is valid when a refresh fails, and fails once it expired', async () => {
    const tokens = provider();
    await tokens.provide();
    endpoint.answer = () => ({ status: 503, body: { error: 'temporarily_unavailable' } });
    clock += 90_000;
    expect(await tokens.provide()).toEqual({ value: 'token-1' });
    clock += 10_000;
    await expect(tokens.provide()).rejects.toThrow(`the token endpoint ${tokenUrl} refused client csms connection: HTTP 503 (temporarily_unavailable)`);
  });

  it('names the status and the OAuth error code of a refusal, never the secret or the rest of the body', async () => {
    endpoint.answer = () => ({ status: 401, body: { error: 'invalid_client', error_description: 'bad secret s3cret:with&odd=chars' } });
    const error = await provider().provide().then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuthTokenError);
    expect((error as Error).message).toBe(`the token endpoint ${tokenUrl} refused client csms connection: HTTP 401 (invalid_client)`);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it.each([
    [{ token_type: 'Bearer', expires_in: 60 }, 'answered without an access_token'],
    [{ access_token: 'abc', token_type: 'mac' }, 'answered a mac token, not a bearer token'],
    ['not json at all', 'answered without an access_token'],
  ])('refuses an answer that is no bearer token: %p', async (body, message) => {
    endpoint.answer = () => ({ status: 200, body });
    await expect(provider().provide()).rejects.toThrow(message);
  });

  it('uses a token whose answer names no lifetime for one minute', async () => {
    endpoint.answer = () => ({ status: 200, body: { access_token: `token-${endpoint.requests.length}`, token_type: 'bearer' } });
    const tokens = provider();
    await tokens.provide();
    clock += 47_000;
    expect(await tokens.provide()).toEqual({ value: 'token-1' });
    clock += 1_000;
    expect(await tokens.provide()).toEqual({ value: 'token-2' });
  });

  it('says which endpoint could not be reached', async () => {
    const closed = new TokenEndpoint();
    const url = await closed.start();
    await closed.stop();
    const tokens = new OAuthBearerProvider({ tokenUrl: url, clientId: 'c', readClientSecret: () => 's' });
    await expect(tokens.provide()).rejects.toThrow(`the token endpoint ${url} could not be reached (ECONNREFUSED)`);
  });
});
