import * as crypto from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Problem } from '../rest/problem';
import type { RouteAccessRole as ApiRole } from './api-role';
import { ApiTokenSet, sha256 } from './api-token';
import { FixedApiTokens } from './api-token-file.reload';
import { type AuthenticatedRequest, ApiTokenGuard, GRID_OPERATOR_SITE, REQUIRED_ROLE } from './api-token.guard';
import { BearerAuthenticator } from './bearer-authenticator';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const VIEWER = 'viewer-token-0123456789abcdef';
const OPERATOR = 'operator-token-0123456789abcdef';
const ADMIN = 'admin-token-0123456789abcdef';
const DSO = 'dso-token-0123456789abcdef';
const DSO_VIEWER = 'dso-viewer-token-0123456789abcdef';

const tokens = new ApiTokenSet([
  { name: 'noc', sha256: sha256(VIEWER), roles: ['viewer'] },
  { name: 'ops', sha256: sha256(OPERATOR), roles: ['operator'] },
  { name: 'root', sha256: sha256(ADMIN), roles: ['admin'] },
  { name: 'dso', sha256: sha256(DSO), roles: ['grid-operator'], sites: ['SITE-001'] },
  { name: 'dso-noc', sha256: sha256(DSO_VIEWER), roles: ['viewer', 'grid-operator'], sites: ['SITE-001'] },
]);

interface Route {
  /** The path parameter naming the site, on routes that admit grid-operator tokens. */
  gridOperatorSite?: string;
  params?: Record<string, string>;
}

function contextFor(authorization: string | undefined, required: ApiRole | undefined, route: Route = {}): { context: ExecutionContext; request: AuthenticatedRequest } {
  const request = { headers: authorization === undefined ? {} : { authorization }, params: route.params ?? {} } as unknown as AuthenticatedRequest;
  const handler = () => undefined;
  if (required !== undefined) Reflect.defineMetadata(REQUIRED_ROLE, required, handler);
  if (route.gridOperatorSite !== undefined) Reflect.defineMetadata(GRID_OPERATOR_SITE, route.gridOperatorSite, handler);
  const context = {
    switchToHttp: () => ({ getRequest: () => request }),
    getHandler: () => handler,
    getClass: () => class Controller {},
  } as unknown as ExecutionContext;
  return { context, request };
}

function newGuard(): ApiTokenGuard {
  return new ApiTokenGuard(new BearerAuthenticator(new FixedApiTokens(tokens), null), new Reflector());
}

async function refusal(authorization: string | undefined, required: ApiRole | undefined, route: Route = {}): Promise<Problem> {
  const guard = newGuard();
  try {
    await guard.canActivate(contextFor(authorization, required, route).context);
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('ApiTokenGuard', () => {
  it('lets a token through that holds the required role, and notes who called', async () => {
    const { context, request } = contextFor(`Bearer ${OPERATOR}`, 'operator');
    expect(await newGuard().canActivate(context)).toBe(true);
    expect(request.apiPrincipal).toEqual({ name: 'ops', roles: ['operator'] });
  });

  it('notes who called even when the role check refuses, for the audit of refused changes (ADR 038)', async () => {
    const { context, request } = contextFor(`Bearer ${VIEWER}`, 'admin');
    await expect(newGuard().canActivate(context)).rejects.toThrow(Problem);
    expect(request.apiPrincipal).toEqual({ name: 'noc', roles: ['viewer'] });
    const unknown = contextFor('Bearer not-a-token', 'viewer');
    await expect(newGuard().canActivate(unknown.context)).rejects.toThrow(Problem);
    expect(unknown.request.apiPrincipal).toBeUndefined();
  });

  const holders = { viewer: VIEWER, operator: OPERATOR, admin: ADMIN } as const;

  it.each([
    ['viewer', 'viewer', true],
    ['viewer', 'operator', true],
    ['viewer', 'admin', true],
    ['operator', 'viewer', false],
    ['operator', 'operator', true],
    ['operator', 'admin', true],
    ['admin', 'viewer', false],
    ['admin', 'operator', false],
    ['admin', 'admin', true],
  ] as const)('on a %s endpoint, lets a %s token through: %s (else 403)', async (required, holder, passes) => {
    const guard = newGuard();
    const header = `Bearer ${holders[holder]}`;
    if (passes) expect(await guard.canActivate(contextFor(header, required).context)).toBe(true);
    else expect((await refusal(header, required)).init).toMatchObject({ status: 403, code: 'forbidden', detail: `the token "${holder === 'viewer' ? 'noc' : 'ops'}" lacks the ${required} role` });
  });

  it.each([
    ['no Authorization header', undefined],
    ['an empty header', ''],
    ['another scheme', `Basic ${ADMIN}`],
    ['a bearer without token', 'Bearer '],
  ])('answers 401 with a Bearer challenge to %s', async (_case, header) => {
    const problem = (await refusal(header, 'viewer'));
    expect(problem.init).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(problem.headers['WWW-Authenticate']).toBe('Bearer realm="csms"');
  });

  it.each([`Bearer ${ADMIN}x`, `Bearer ${ADMIN.slice(0, -1)}`, 'Bearer nonsense'])('answers 401 invalid_token to a token that is not configured (%s)', async (header) => {
    const problem = (await refusal(header, 'viewer'));
    expect(problem.init).toMatchObject({ status: 401, code: 'unauthenticated', detail: 'the API token is not valid' });
    expect(problem.headers['WWW-Authenticate']).toContain('error="invalid_token"');
  });

  it('checks the token before the role: a bad token is 401 even where no token could pass', async () => {
    expect((await refusal('Bearer nonsense', 'admin')).init.status).toBe(401);
  });

  it('lets every valid token through a route that requires any role, grid-operator included, and still refuses a missing or unknown one', async () => {
    for (const token of [VIEWER, OPERATOR, ADMIN, DSO]) {
      const { context, request } = contextFor(`Bearer ${token}`, 'any');
      await expect(newGuard().canActivate(context)).resolves.toBe(true);
      expect(request.apiPrincipal?.name).toEqual(expect.any(String));
    }
    expect((await refusal(undefined, 'any')).init.status).toBe(401);
    expect((await refusal('Bearer not-a-configured-token-at-all', 'any')).init.status).toBe(401);
  });

  it('refuses every token on an endpoint that declares no role (fails closed)', async () => {
    expect((await refusal(`Bearer ${ADMIN}`, undefined)).init).toMatchObject({ status: 403, detail: expect.stringContaining('declares no required role') });
  });

  describe('grid-operator tokens', () => {
    const limits = (siteId: string): Route => ({ gridOperatorSite: 'siteId', params: { siteId } });
    const guard = newGuard;

    it('pass on a route that admits grid operators, for a granted site, and note the sites', async () => {
      const { context, request } = contextFor(`Bearer ${DSO}`, 'operator', limits('SITE-001'));
      expect(await guard().canActivate(context)).toBe(true);
      expect(request.apiPrincipal).toEqual({ name: 'dso', roles: ['grid-operator'], sites: ['SITE-001'] });
    });

    it('are refused 403 for a site not granted to them, naming the site', async () => {
      expect((await refusal(`Bearer ${DSO}`, 'viewer', limits('SITE-002'))).init).toMatchObject({
        status: 403,
        code: 'forbidden',
        detail: 'the grid-operator token "dso" is not granted site "SITE-002"',
        extensions: { siteId: 'SITE-002' },
      });
    });

    it('never echo a site parameter that is no site id', async () => {
      expect((await refusal(`Bearer ${DSO}`, 'viewer', limits('<script>'))).init.detail).toBe('the grid-operator token "dso" is not granted the site in the path');
    });

    it.each(['viewer', 'operator', 'admin'] as const)('are refused on every %s route that does not admit grid operators, even with a granted site in its path', async (required) => {
      expect((await refusal(`Bearer ${DSO}`, required, { params: { siteId: 'SITE-001' } })).init).toMatchObject({ status: 403, detail: `the token "dso" lacks the ${required} role` });
    });

    it('keep the ranked roles the token also holds: a viewer grid operator reads anything, but writes limits of its sites only', async () => {
      expect(await guard().canActivate(contextFor(`Bearer ${DSO_VIEWER}`, 'viewer', limits('SITE-002')).context)).toBe(true);
      expect(await guard().canActivate(contextFor(`Bearer ${DSO_VIEWER}`, 'operator', limits('SITE-001')).context)).toBe(true);
      expect((await refusal(`Bearer ${DSO_VIEWER}`, 'operator', limits('SITE-002'))).init).toMatchObject({ status: 403, detail: expect.stringContaining('not granted site "SITE-002"') });
    });

    it('do not open a grid-operator route to tokens of other roles beyond their rank', async () => {
      expect((await refusal(`Bearer ${VIEWER}`, 'operator', limits('SITE-001'))).init).toMatchObject({ status: 403, detail: 'the token "noc" lacks the operator role' });
    });
  });

  it('never repeats the token in a refusal', async () => {
    expect(JSON.stringify((await refusal(`Bearer ${VIEWER}`, 'admin')).details())).not.toContain(VIEWER);
  });
});

describe('ApiTokenSet', () => {
  const timingSafeEqual = jest.mocked(crypto.timingSafeEqual);

  beforeEach(() => timingSafeEqual.mockClear());

  it.each([
    ['the first configured token', VIEWER],
    ['the last configured token', ADMIN],
    ['an unknown token', 'unknown'],
    ['a very long token', 'x'.repeat(10_000)],
  ])('compares the SHA-256 of %s with every configured hash in constant time', (_case, presented) => {
    tokens.authenticate(presented);
    expect(timingSafeEqual).toHaveBeenCalledTimes(tokens.size);
    for (const [expected, actual] of timingSafeEqual.mock.calls) {
      expect([Buffer.from(expected as Uint8Array).length, Buffer.from(actual as Uint8Array).length]).toEqual([32, 32]);
    }
  });

  it('finds the token whose hash matches', () => {
    expect(tokens.authenticate(ADMIN)).toEqual({ name: 'root', roles: ['admin'] });
    expect(tokens.authenticate('unknown')).toBeUndefined();
    expect(new ApiTokenSet([]).authenticate(ADMIN)).toBeUndefined();
  });
});

describe('ApiTokenGuard: expired API tokens', () => {
  it('answers 401 invalid_token "the API token expired" to a token past its expiresAt', async () => {
    const expiring = new ApiTokenSet([{ name: 'ci', sha256: sha256(OPERATOR), roles: ['operator'], expiresAt: new Date(Date.now() - 1000) }]);
    const guard = new ApiTokenGuard(new BearerAuthenticator(new FixedApiTokens(expiring), null), new Reflector());
    const problem = await guard.canActivate(contextFor(`Bearer ${OPERATOR}`, 'viewer').context).then(
      () => undefined,
      (error: unknown) => error as Problem,
    );
    expect(problem?.init).toMatchObject({ status: 401, code: 'unauthenticated', detail: 'the API token expired' });
    expect(problem?.headers['WWW-Authenticate']).toBe('Bearer realm="csms", error="invalid_token", error_description="the API token expired"');
  });
});
