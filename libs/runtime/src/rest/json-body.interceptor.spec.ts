import { Body, Controller, type ExecutionContext, Param, Post } from '@nestjs/common';
import { of } from 'rxjs';
import { Problem } from './problem';
import { JsonBodyInterceptor, hasBody, isJsonContentType, unsupportedBody } from './json-body.interceptor';

@Controller('things')
class ThingsController {
  @Post(':id')
  update(@Param('id') _id: string, @Body() _body: unknown) {
    return 'updated';
  }

  @Post(':id/touch')
  touch(@Param('id') _id: string) {
    return 'touched';
  }
}

function context(handler: 'update' | 'touch', headers: Record<string, string>): ExecutionContext {
  return {
    getType: () => 'http',
    getClass: () => ThingsController,
    getHandler: () => ThingsController.prototype[handler],
    switchToHttp: () => ({ getRequest: () => ({ headers }) }),
  } as unknown as ExecutionContext;
}

function run(handler: 'update' | 'touch', headers: Record<string, string>): unknown {
  try {
    return new JsonBodyInterceptor().intercept(context(handler, headers), { handle: () => of('handled') });
  } catch (error) {
    return error;
  }
}

describe('JSON request bodies', () => {
  it('tells a body from no body by its framing headers', () => {
    expect(hasBody({ 'content-length': '12' })).toBe(true);
    expect(hasBody({ 'transfer-encoding': 'chunked' })).toBe(true);
    expect(hasBody({ 'content-length': '0' })).toBe(false);
    expect(hasBody({})).toBe(false);
  });

  it('takes application/json with parameters and in any case, and nothing else', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/x-www-form-urlencoded')).toBe(false);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType('application/jsonp')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });

  it('answers 415 problem JSON naming what came, for a body without Content-Type or of another type', () => {
    expect(unsupportedBody({ 'content-length': '15' })?.init).toMatchObject({
      status: 415,
      code: 'unsupported-media-type',
      detail: 'the request body must be JSON, sent with Content-Type: application/json (this one came with no Content-Type)',
    });
    expect(unsupportedBody({ 'content-length': '15', 'content-type': 'application/x-www-form-urlencoded' })?.init.detail).toContain(
      'this one came with Content-Type application/x-www-form-urlencoded',
    );
  });

  it('lets a JSON body, and a request without a body, through', () => {
    expect(unsupportedBody({ 'content-length': '15', 'content-type': 'application/json' })).toBeUndefined();
    expect(unsupportedBody({ 'content-type': 'text/plain' })).toBeUndefined();
  });

  it('refuses a body that is not JSON only on endpoints that take a body', () => {
    const form = { 'content-length': '15', 'content-type': 'application/x-www-form-urlencoded' };
    expect(run('update', form)).toBeInstanceOf(Problem);
    expect(run('touch', form)).not.toBeInstanceOf(Problem);
    expect(run('update', { 'content-length': '15', 'content-type': 'application/json' })).not.toBeInstanceOf(Problem);
  });
});
