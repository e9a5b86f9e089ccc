import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Controller, Put } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import pino from 'pino';
import { firstValueFrom, of, throwError } from 'rxjs';
import { Problem } from '../rest/problem';
import type { AuditTrailOptions } from './audit-trail-options';
import type { MutationAttempt, MutationAuditStore, MutationOutcome } from './mutation-audit';
import { AUDIT_BEGUN, MutationAuditInterceptor } from './mutation-audit.interceptor';

@Controller('things')
class ThingsController {
  @Put(':thingId')
  put(): unknown {
    return undefined;
  }
}

class FakeStore implements MutationAuditStore {
  attempts: MutationAttempt[] = [];
  outcomes: MutationOutcome[] = [];
  failBegin = false;

  async begin(attempt: MutationAttempt): Promise<string> {
    if (this.failBegin) throw new Error('database down');
    this.attempts.push(attempt);
    return String(this.attempts.length);
  }
  async complete(_id: string, outcome: MutationOutcome): Promise<void> {
    this.outcomes.push(outcome);
  }
  async recordRefused(): Promise<void> {}
  async list(): Promise<never[]> {
    return [];
  }
}

const state = new Map<string, unknown>([['T-1', { colour: 'red', secret: 's3cr3t' }]]);
class ThingSnapshot {
  async snapshot(id: string): Promise<unknown> {
    if (id === 'not-an-id') throw new Error('invalid input syntax for type uuid');
    return state.get(id) ?? null;
  }
}

function setUp() {
  const store = new FakeStore();
  const options: AuditTrailOptions = { service: 'things', controllers: [ThingsController], resources: [{ controller: ThingsController, type: 'things', idParam: 'thingId', snapshot: ThingSnapshot }], readRole: 'admin' };
  const moduleRef = { get: () => new ThingSnapshot() } as unknown as ModuleRef;
  const interceptor = new MutationAuditInterceptor(options, store, moduleRef, pino({ level: 'silent' }));
  const request: Record<string | symbol, unknown> = {
    method: 'PUT',
    params: { thingId: 'T-1' },
    body: { colour: 'blue', password: 'pw-123' },
    apiPrincipal: { name: 'ops', roles: ['operator'], tenant: 'acme' },
  };
  const response = { statusCode: 200 };
  const context = {
    getType: () => 'http',
    getClass: () => ThingsController,
    getHandler: () => ThingsController.prototype.put,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
  return { store, interceptor, request, context };
}

describe('MutationAuditInterceptor', () => {
  it('writes the attempt before the handler and the outcome with the state before, after and what changed', async () => {
    const { store, interceptor, request, context } = setUp();
    let attemptsSeenByHandler = -1;
    const handler: CallHandler = {
      handle: () => {
        attemptsSeenByHandler = store.attempts.length;
        state.set('T-1', { colour: 'blue', secret: 's3cr3t' });
        return of({ ok: true });
      },
    };
    await expect(firstValueFrom(interceptor.intercept(context, handler))).resolves.toEqual({ ok: true });
    expect(attemptsSeenByHandler).toBe(1);
    expect(request[AUDIT_BEGUN]).toBe(true);
    expect(store.attempts[0]).toEqual({
      actor: { name: 'ops', roles: ['operator'], tenant: 'acme', credential: 'api-token' },
      method: 'PUT',
      route: '/things/:thingId',
      action: 'ThingsController_put',
      pathParams: { thingId: 'T-1' },
      resourceType: 'things',
      resourceId: 'T-1',
      body: { colour: 'blue', password: '[redacted]' },
      before: { colour: 'red', secret: '[redacted]' },
    });
    expect(store.outcomes).toEqual([{ status: 200, resourceId: 'T-1', after: { colour: 'blue', secret: '[redacted]' }, changes: [{ path: 'colour', before: 'red', after: 'blue' }] }]);
  });

  it('refuses the request with 503 and never runs the handler when the attempt cannot be written (fail closed)', async () => {
    const { store, interceptor, context } = setUp();
    store.failBegin = true;
    let ran = false;
    const handler: CallHandler = {
      handle: () => {
        ran = true;
        return of(undefined);
      },
    };
    const error: unknown = await firstValueFrom(interceptor.intercept(context, handler)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Problem);
    expect((error as Problem).init).toMatchObject({ status: 503, code: 'audit-unavailable' });
    expect(ran).toBe(false);
  });

  it('records the status of a failed change, without a state after, and passes the error on', async () => {
    const { store, interceptor, context } = setUp();
    const failure = new Problem({ status: 409, code: 'conflict', detail: 'stale version' });
    const handler: CallHandler = { handle: () => throwError(() => failure) };
    await expect(firstValueFrom(interceptor.intercept(context, handler))).rejects.toBe(failure);
    expect(store.outcomes).toEqual([{ status: 409, resourceId: 'T-1', after: null, changes: [] }]);
  });

  it('goes on without the state when it cannot be read, so the route itself answers a bad id', async () => {
    const { store, interceptor, request, context } = setUp();
    request.params = { thingId: 'not-an-id' };
    const refusal = new Problem({ status: 400, code: 'bad-request', detail: 'thingId is invalid' });
    await expect(firstValueFrom(interceptor.intercept(context, { handle: () => throwError(() => refusal) }))).rejects.toBe(refusal);
    expect(store.attempts[0]).toMatchObject({ resourceId: 'not-an-id', before: null });
    expect(store.outcomes).toEqual([{ status: 400, resourceId: 'not-an-id', after: null, changes: [] }]);
  });

  it('leaves reads alone', async () => {
    const { store, interceptor, request, context } = setUp();
    request.method = 'GET';
    await firstValueFrom(interceptor.intercept(context, { handle: () => of(1) }));
    expect(store.attempts).toEqual([]);
  });
});
