import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { type ServiceProcess, eventually, startService, waitUntilReady } from '@test/support/service-process';
import {
  GRANTED_SITE,
  MATRIX_ROLES,
  type MatrixRole,
  concreteRoute,
  documentedOperations,
  inBatches,
  matrixViolations,
  runRoleMatrix,
} from '@test/support/role-matrix';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import { TestIdentityProvider, type TestSigningKey, testSigningKey } from '@test/support/test-identity-provider';

const AUDIENCE = 'csms-api';

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

  const roleToken = new Map<MatrixRole, string>();
  const tokenOf = (role: MatrixRole) => roleToken.get(role) ?? '';

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
    for (const role of MATRIX_ROLES) {
      roleToken.set(role, await jwt({ preferred_username: `e2e-${role}`, realm_access: { roles: [role] }, ...(role === 'grid-operator' ? { sites: [GRANTED_SITE] } : {}) }));
    }
  }, 120_000);

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await idp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets each role through exactly the routes of every service the matrix gives it (driven by the OpenAPI document)', async () => {
    const all = await documentedOperations(service.baseUrl);
    // The three services' APIs are all in the embedded process's document.
    for (const prefix of ['/api/stations', '/api/sites', '/api/revocations', '/api/certificate-authorities']) expect(all.some((operation) => operation.path.startsWith(prefix))).toBe(true);
    expect(all.some((operation) => operation.required === 'security-officer')).toBe(true);
    const outcomes = await runRoleMatrix(service.baseUrl, all, tokenOf);
    expect(matrixViolations(outcomes)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.passes).length).toBeGreaterThan(outcomes.length / 3);
  });

  it('refuses a grid operator on the limits routes of a site not granted to it', async () => {
    const gridRoutes = (await documentedOperations(service.baseUrl)).filter((operation) => operation.gridOperatorSite !== undefined);
    expect(gridRoutes.length).toBeGreaterThan(0);
    for (const operation of gridRoutes) {
      const answer = await call(operation.method, concreteRoute(operation, 'SITE-OTHER'), roleToken.get('grid-operator'));
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

/**
 * The same matrix on the distributed services, each its own process from dist/ on real Kafka and
 * PostgreSQL with OIDC configured through its environment: every route of each service's own
 * OpenAPI document, with tokens whose roles sit in a Keycloak-style nested claim.
 */
describe('REST authentication of the distributed services with OIDC access tokens', () => {
  const idp = new TestIdentityProvider();
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-oidc-distributed-'));
  const tokens = new Map<MatrixRole, string>();
  const services: ServiceProcess[] = [];
  let database: TestDatabase;

  beforeAll(async () => {
    await idp.start();
    const key = await testSigningKey('dist-key', 'ES256');
    idp.published = [key];
    for (const role of MATRIX_ROLES) {
      tokens.set(role, await idp.sign(key, { aud: AUDIENCE, sub: `dist-${role}`, realm_access: { roles: [role] }, ...(role === 'grid-operator' ? { sites: [GRANTED_SITE] } : {}) }));
    }
    database = await createTestDatabase('api_auth_oidc');
    const env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('oidc'),
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      OIDC_ISSUER: idp.issuer,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      PKI_KEY_DIR: path.join(dir, 'keys'),
      PKI_CA_KEY_PASSPHRASE: randomBytes(24).toString('hex'),
    };
    // One after the other: each runs its own migrations on the shared database.
    for (const app of ['connection', 'smart-charging', 'pki'] as const) {
      const service = startService(app, { ...env, OCPP_WS_PORT: String(await freePort()) }, await freePort());
      services.push(service);
      await waitUntilReady(service, 90_000);
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop('SIGKILL')));
    await idp.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['connection', 'smart-charging', 'pki'] as const)('lets each role through exactly the routes of the %s service the matrix gives it', async (app) => {
    const service = services.find((candidate) => candidate.name === app);
    if (service === undefined) throw new Error(`${app} did not start`);
    const operations = await documentedOperations(service.baseUrl);
    expect(operations.length).toBeGreaterThan(10);
    const outcomes = await runRoleMatrix(service.baseUrl, operations, (role) => tokens.get(role) ?? '');
    expect(matrixViolations(outcomes)).toEqual([]);
  });
});
