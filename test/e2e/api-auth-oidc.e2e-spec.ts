import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import { TestIdentityProvider, type TestSigningKey, testSigningKey } from '@test/support/test-identity-provider';

type Role = 'viewer' | 'operator' | 'security-officer' | 'admin' | 'grid-operator';
const ROLES: readonly Role[] = ['viewer', 'operator', 'security-officer', 'admin', 'grid-operator'];

/**
 * ADR 036's matrix, written out here on its own: for the role a route requires (`x-required-role`
 * before any `|grid-operator`), the single roles that pass. A grid-operator passes only where the
 * route admits it, for a granted site.
 */
const ADMITTED: Record<string, readonly Role[]> = {
  viewer: ['viewer', 'operator', 'security-officer', 'admin'],
  operator: ['operator', 'admin'],
  'security-officer': ['security-officer', 'admin'],
  admin: ['admin'],
};

const AUDIENCE = 'csms-api';
const GRANTED_SITE = 'SITE-GRANTED';

interface Operation {
  method: string;
  path: string;
  required: string;
  gridOperatorSite: string | undefined;
}

interface Answer {
  status: number;
  body: { code?: string; detail?: string };
  challenge: string | null;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * REST authentication of every service with OIDC access tokens beside API tokens, in the embedded
 * process (connection + smart-charging + pki behind the same guard): a real local OpenID provider
 * (discovery + JWKS over HTTP, keys made with jose), the role matrix over every route of the
 * OpenAPI document, refusals of bad JWTs, key rotation, and API tokens that expire or are revoked
 * by editing the token file.
 */
describe('REST authentication: OIDC access tokens, roles and token file', () => {
  const idp = new TestIdentityProvider();
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-oidc-'));
  const tokenFile = path.join(dir, 'api-tokens.json');
  const apiTokens = { securityOfficer: `so-${randomBytes(16).toString('hex')}`, ci: `ci-${randomBytes(16).toString('hex')}`, expired: `old-${randomBytes(16).toString('hex')}` };
  const presented: string[] = Object.values(apiTokens);
  let key: TestSigningKey;
  let service: ServiceProcess;

  const entries = (withCi: boolean) => [
    { name: 'e2e-security-officer', sha256: sha256(apiTokens.securityOfficer), roles: ['security-officer'] },
    ...(withCi ? [{ name: 'e2e-ci', sha256: sha256(apiTokens.ci), roles: ['operator'], expiresAt: '2999-01-01T00:00:00Z' }] : []),
    { name: 'e2e-expired', sha256: sha256(apiTokens.expired), roles: ['admin'], expiresAt: '2020-01-01T00:00:00Z' },
  ];

  async function jwt(claims: Record<string, unknown>, by: TestSigningKey = key, header: { alg?: string } = {}): Promise<string> {
    const token = await idp.sign(by, { aud: AUDIENCE, ...claims }, header);
    presented.push(token);
    return token;
  }

  const roleToken = new Map<Role, string>();

  async function call(method: string, route: string, token: string | undefined): Promise<Answer> {
    const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(method);
    if (hasBody) headers['content-type'] = 'application/json';
    const response = await fetch(`${service.baseUrl}${route}`, { method, headers, body: hasBody ? '{}' : undefined });
    const text = await response.text();
    let body: Answer['body'] = {};
    try {
      body = text ? (JSON.parse(text) as Answer['body']) : {};
    } catch {
      // Not JSON (a PEM, a CSV export): only the status matters here.
    }
    return { status: response.status, body, challenge: response.headers.get('www-authenticate') };
  }

  beforeAll(async () => {
    await idp.start();
    key = await testSigningKey('key-1');
    idp.published = [key];
    writeFileSync(tokenFile, JSON.stringify(entries(true)));
    service = startService(
      'embedded',
      {
        EMBEDDED_DATA_DIR: path.join(dir, 'data'),
        OCPP_WS_PORT: String(await freePort()),
        API_TOKENS_FILE: tokenFile,
        API_TOKENS_RELOAD_SECONDS: '1',
        OIDC_ISSUER: idp.issuer,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_ROLES_CLAIM: 'realm_access.roles',
        OIDC_NAME_CLAIM: 'preferred_username',
        OIDC_JWKS_COOLDOWN_SECONDS: '1',
      },
      await freePort(),
    );
    await waitUntilReady(service, 60_000);
    for (const role of ROLES) {
      roleToken.set(role, await jwt({ preferred_username: `e2e-${role}`, realm_access: { roles: [role] }, ...(role === 'grid-operator' ? { sites: [GRANTED_SITE] } : {}) }));
    }
  }, 120_000);

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await idp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function operations(): Promise<Operation[]> {
    type Described = { 'x-required-role'?: string; 'x-grid-operator-site'?: string };
    const document = (await (await fetch(`${service.baseUrl}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Described>> };
    return Object.entries(document.paths).flatMap(([route, item]) =>
      Object.entries(item)
        .filter(([, operation]) => typeof operation['x-required-role'] === 'string')
        .map(([method, operation]) => ({ method: method.toUpperCase(), path: route, required: String(operation['x-required-role']), gridOperatorSite: operation['x-grid-operator-site'] })),
    );
  }

  /** The route with its path parameters filled in: the granted site for the site parameter, an id that exists nowhere for the others. */
  function concrete(operation: Operation, site = GRANTED_SITE): string {
    return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => (name === operation.gridOperatorSite ? site : 'E2E-NONE'));
  }

  function passes(role: Role, operation: Operation): boolean {
    const [required = '', alternative] = operation.required.split('|');
    return (ADMITTED[required] ?? []).includes(role) || (role === 'grid-operator' && alternative === 'grid-operator');
  }

  /** Runs the calls a few at a time: the matrix is several hundred requests. */
  async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = [];
    for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
    return results;
  }

  it('lets each role through exactly the routes of every service the matrix gives it (driven by the OpenAPI document)', async () => {
    const all = await operations();
    // The three services' APIs are all in the embedded process's document.
    for (const prefix of ['/api/stations', '/api/sites', '/api/revocations', '/api/certificate-authorities']) expect(all.some((operation) => operation.path.startsWith(prefix))).toBe(true);
    expect(all.some((operation) => operation.required === 'security-officer')).toBe(true);
    const cases = all.flatMap((operation) => ROLES.map((role) => ({ operation, role })));
    const outcomes = await inBatches(cases, 8, async ({ operation, role }) => {
      const answer = await call(operation.method, concrete(operation), roleToken.get(role));
      return { route: `${operation.method} ${operation.path}`, role, status: answer.status, passes: passes(role, operation) };
    });
    // A refusal by the guard is 403 for a verified token; any other status means the guard let the call through.
    const wrong = outcomes.filter((outcome) => (outcome.passes ? [401, 403].includes(outcome.status) : outcome.status !== 403));
    expect(wrong).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.passes).length).toBeGreaterThan(outcomes.length / 3);
  });

  it('refuses a grid operator on the limits routes of a site not granted to it', async () => {
    const gridRoutes = (await operations()).filter((operation) => operation.gridOperatorSite !== undefined);
    expect(gridRoutes.length).toBeGreaterThan(0);
    for (const operation of gridRoutes) {
      const answer = await call(operation.method, concrete(operation, 'SITE-OTHER'), roleToken.get('grid-operator'));
      expect({ route: `${operation.method} ${operation.path}`, status: answer.status, detail: answer.body.detail }).toEqual({
        route: `${operation.method} ${operation.path}`,
        status: 403,
        detail: 'the grid-operator token "oidc:e2e-grid-operator" is not granted site "SITE-OTHER"',
      });
    }
  });

  it('answers 401 invalid_token, with the reason, to a JWT of another issuer, for another audience, expired, badly signed, unsigned or signed with an unknown key', async () => {
    const stranger = await testSigningKey('key-1');
    const unknownKid = await testSigningKey(`kid-${randomBytes(4).toString('hex')}`);
    const now = Math.floor(Date.now() / 1000);
    const roles = { realm_access: { roles: ['admin'] }, preferred_username: 'mallory' };
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cases: Array<[string, string]> = [
      [await jwt({ ...roles, iss: 'http://127.0.0.1:1/realms/other' }), 'the token was issued by another issuer'],
      [await jwt({ ...roles, aud: 'another-app' }), 'the token is not meant for this API (audience)'],
      [await jwt({ ...roles, exp: now - 120, iat: now - 3600 }), 'the token expired'],
      [await jwt({ ...roles, nbf: now + 600 }), 'the token is not valid yet (nbf)'],
      [await jwt(roles, stranger), 'the token signature does not verify'],
      [`${part({ alg: 'none' })}.${part({ iss: idp.issuer, aud: AUDIENCE, exp: now + 600, ...roles })}.`, 'the token algorithm is not allowed'],
      [await jwt(roles, unknownKid), 'the token is signed with a key the issuer does not publish'],
    ];
    for (const [token, reason] of cases) {
      const answer = await call('GET', '/api/stations', token);
      expect({ status: answer.status, code: answer.body.code, detail: answer.body.detail, challenge: answer.challenge }).toEqual({
        status: 401,
        code: 'unauthenticated',
        detail: reason,
        challenge: `Bearer realm="csms", error="invalid_token", error_description="${reason}"`,
      });
    }
  });

  it('answers 403 to a valid JWT whose roles do not suffice, and to one without any role the CSMS knows', async () => {
    expect((await call('POST', '/api/revocations', roleToken.get('operator'))).status).toBe(403);
    expect((await call('GET', '/api/stations', await jwt({ preferred_username: 'nobody', realm_access: { roles: ['offline_access'] } }))).status).toBe(403);
  });

  it('accepts a token signed with a key the provider rotated in, fetching its JWKS again at most once per cooldown', async () => {
    const rotated = await testSigningKey('key-2', 'ES256');
    idp.published = [key, rotated];
    const token = await jwt({ preferred_username: 'rotated', realm_access: { roles: ['viewer'] } }, rotated);
    // Within the 1 s cooldown of the last fetch the new kid is unknown; after it, one fetch finds it.
    await eventually('the rotated key to be fetched', async () => ((await call('GET', '/api/stations', token)).status === 200 ? true : undefined), 30_000, [service]);

    const forged = await Promise.all(Array.from({ length: 20 }, async () => jwt({ realm_access: { roles: ['admin'] } }, await testSigningKey(`forged-${randomBytes(4).toString('hex')}`, 'ES256'))));
    const before = idp.jwksFetches;
    const started = Date.now();
    const statuses = await inBatches(forged, 10, async (token) => (await call('GET', '/api/stations', token)).status);
    const elapsedSeconds = (Date.now() - started) / 1000;
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(idp.jwksFetches - before).toBeLessThanOrEqual(Math.ceil(elapsedSeconds / 1) + 1);
  });

  it('takes security-officer API tokens, refuses expired ones, and revokes a token removed from the file within seconds', async () => {
    expect((await call('POST', '/api/revocations', apiTokens.securityOfficer)).status).toBe(400);
    expect((await call('POST', '/api/stations/E2E-NONE/commands/reset', apiTokens.securityOfficer)).status).toBe(403);
    const expired = await call('GET', '/api/stations', apiTokens.expired);
    expect([expired.status, expired.body.detail, expired.challenge]).toEqual([401, 'the API token expired', 'Bearer realm="csms", error="invalid_token", error_description="the API token expired"']);
    expect((await call('GET', '/api/stations', apiTokens.ci)).status).toBe(200);

    writeFileSync(tokenFile, JSON.stringify(entries(false)));
    await eventually('the removed token to be refused', async () => ((await call('GET', '/api/stations', apiTokens.ci)).status === 401 ? true : undefined), 30_000, [service]);
    expect((await call('GET', '/api/stations', apiTokens.securityOfficer)).status).toBe(200);

    // A broken file keeps the last good tokens, and says so in the log.
    writeFileSync(tokenFile, '[{"name":');
    await eventually('the broken file to be noticed', async () => (service.output().includes('the API token file is unusable') ? true : undefined), 30_000, [service]);
    expect((await call('GET', '/api/stations', apiTokens.securityOfficer)).status).toBe(200);
    expect((await call('GET', '/api/stations', apiTokens.ci)).status).toBe(401);
  });

  it('declares the OIDC bearer scheme beside the API tokens in the OpenAPI document', async () => {
    const document = (await (await fetch(`${service.baseUrl}/api/docs/openapi.json`)).json()) as { components: { securitySchemes: Record<string, Record<string, unknown>> } };
    expect(document.components.securitySchemes.oidc).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(document.components.securitySchemes['api-token']).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('never writes a presented token to its output', () => {
    const output = service.output();
    expect(output).toContain('/api/stations');
    // A JWT's signature alone would do as well to find it.
    const leaked = presented.filter((token) => output.includes(token) || (token.split('.').length === 3 && output.includes(token.split('.')[2] ?? token)));
    expect(leaked).toEqual([]);
  });
});
