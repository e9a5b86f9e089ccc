import { Controller, Get, Post, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { of } from 'rxjs';
import { z } from 'zod';
import type { ApiPrincipal } from '../auth/api-token';
import { Problem } from '../rest/problem';
import type { Tenancy } from './tenant-policy';
import { type TenantOwner, TenantScopeInterceptor } from './tenant-scope.interceptor';
import { TenantScoped } from './tenant-scoped.decorator';

@Controller('things')
class ThingsController {
  @Get(':id')
  get() {}

  @Post()
  @TenantScoped.bodyObjects('thing', 'thingIds')
  batch() {}

  @Get()
  @TenantScoped.filtered()
  list() {}

  @Post('shared')
  @TenantScoped.untenanted()
  shared() {}

  @Post('forgotten')
  forgotten() {}
}

class OtherServiceController {
  open() {}
}

const stored = new Map<string, Tenancy>([
  ['a-1', { tenant: 'acme' }],
  ['g-1', { tenant: 'globex' }],
  ['n-1', { tenant: null }],
]);

function setup() {
  const lookups: string[][] = [];
  const thing: TenantOwner = {
    id: z.string().regex(/^[a-z]-\d$/),
    tenancyOf: async (ids) => {
      lookups.push([...ids]);
      return new Map(ids.map((id) => [id, stored.get(id) ?? 'absent']));
    },
    notFound: (id) => new Problem({ status: 404, code: 'thing-not-found', detail: `no thing ${id}` }),
  };
  const interceptor = new TenantScopeInterceptor({
    controllers: [ThingsController],
    implied: [{ path: /^\/things\/:id$/, policy: { kind: 'object', owner: 'thing', param: 'id', mayCreate: false } }],
    owners: { thing },
  });
  return { interceptor, lookups };
}

const next: CallHandler = { handle: () => of('handled') };

function call(handler: keyof ThingsController | 'open', principal: ApiPrincipal, request: { params?: Record<string, string>; body?: unknown } = {}) {
  const controller = handler === 'open' ? OtherServiceController : ThingsController;
  const context = {
    getType: () => 'http',
    getClass: () => controller,
    getHandler: () => (controller.prototype as unknown as Record<string, object>)[handler],
    switchToHttp: () => ({ getRequest: () => ({ params: request.params ?? {}, body: request.body, apiPrincipal: principal }) }),
  } as unknown as ExecutionContext;
  const { interceptor, lookups } = setup();
  return { answer: interceptor.intercept(context, next), lookups };
}

const acme: ApiPrincipal = { name: 'acme-noc', roles: ['operator'], tenant: 'acme' };
const admin: ApiPrincipal = { name: 'root', roles: ['admin'] };

async function problemOf(answer: Promise<unknown>): Promise<Problem> {
  try {
    await answer;
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('TenantScopeInterceptor', () => {
  it('lets a principal reach its own tenant’s object', async () => {
    await expect(call('get', acme, { params: { id: 'a-1' } }).answer).resolves.toBeDefined();
  });

  it.each(['g-1', 'n-1', 'x-9'])('answers another tenant’s, an unassigned and an unknown object alike: 404 (%s)', async (id) => {
    expect((await problemOf(call('get', acme, { params: { id } }).answer)).init).toEqual({ status: 404, code: 'thing-not-found', detail: `no thing ${id}` });
  });

  it('checks every id a body names, and refuses the request for one hidden id', async () => {
    expect((await problemOf(call('batch', acme, { body: { thingIds: ['a-1', 'g-1'] } }).answer)).init.status).toBe(404);
    await expect(call('batch', acme, { body: { thingIds: ['a-1'] } }).answer).resolves.toBeDefined();
  });

  it('leaves an invalid id to the route’s pipe (400), without a lookup', async () => {
    const { answer, lookups } = call('get', acme, { params: { id: 'NOT VALID' } });
    await expect(answer).resolves.toBeDefined();
    expect(lookups).toEqual([]);
  });

  it('refuses a tenant principal on a route that serves every tenant, and on one that declares nothing (fails closed)', async () => {
    expect((await problemOf(call('shared', acme).answer)).init).toMatchObject({ status: 403, detail: expect.stringContaining('serves every tenant') });
    expect((await problemOf(call('forgotten', acme).answer)).init).toMatchObject({ status: 403, detail: expect.stringContaining('declares no tenant scope') });
  });

  it('lets a principal without a tenant through everywhere, without a lookup', async () => {
    for (const handler of ['get', 'shared', 'forgotten'] as const) {
      const { answer, lookups } = call(handler, admin, { params: { id: 'g-1' } });
      await expect(answer).resolves.toBeDefined();
      expect(lookups).toEqual([]);
    }
  });

  it('leaves routes of controllers it does not scope alone', async () => {
    await expect(call('open', acme).answer).resolves.toBeDefined();
  });

  it('passes filtered routes through: the handler filters by the caller’s tenant', async () => {
    await expect(call('list', acme).answer).resolves.toBeDefined();
  });
});
