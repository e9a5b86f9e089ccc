import { type ArgumentsHost, BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import pino from 'pino';
import { Problem } from './problem';
import { ProblemJsonFilter, toProblem } from './problem-json.filter';

describe('toProblem', () => {
  it('keeps a Problem as it is', () => {
    const problem = new Problem({ status: 409, code: 'station-not-connected', detail: 'station CP-1 is not connected' });
    expect(toProblem(problem)).toBe(problem);
  });

  it('gives Nest’s HTTP errors a code and their message', () => {
    expect(toProblem(new NotFoundException('Cannot GET /api/nothing')).details()).toEqual({
      type: 'urn:csms:problem:not-found',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /api/nothing',
      code: 'not-found',
    });
    expect(toProblem(new BadRequestException(['a', 'b'])).init.detail).toBe('a; b');
  });

  it('answers a body that is not JSON with 400 saying so, also as the Express adapter wraps the parser’s error', () => {
    const parserError = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), { status: 400, expose: true, type: 'entity.parse.failed' });
    const expected = { status: 400, code: 'malformed-json', detail: 'the request body is not valid JSON: Unexpected token } in JSON at position 9' };
    expect(toProblem(parserError).init).toMatchObject(expected);
    expect(toProblem(new BadRequestException(parserError.message, { cause: parserError })).init).toMatchObject(expected);
  });

  it('keeps the parser’s reason for other refusals of the body', () => {
    const charset = Object.assign(new Error('unsupported charset "LATIN1"'), { status: 415, expose: true, type: 'charset.unsupported' });
    expect(toProblem(new HttpException(charset.message, 415, { cause: charset })).init).toMatchObject({ status: 415, code: 'unsupported-media-type', detail: 'unsupported charset "LATIN1"' });
  });

  it('answers 400 for text with U+0000 that PostgreSQL refused (SQLSTATE 22021), also as TypeORM wraps it', () => {
    const pgError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    const wrapped = Object.assign(new Error('QueryFailedError'), { driverError: pgError });
    for (const error of [pgError, wrapped]) {
      expect(toProblem(error).init).toEqual(expect.objectContaining({ status: 400, code: 'bad-request', detail: 'the request holds text that cannot be stored (U+0000)' }));
    }
    expect(toProblem(Object.assign(new Error('duplicate key'), { code: '23505' })).init.status).toBe(500);
  });

  it('says nothing about an unexpected error', () => {
    const problem = toProblem(new Error('connection string postgres://secret@db'));
    expect(problem.init).toMatchObject({ status: 500, code: 'internal-error' });
    expect(JSON.stringify(problem.details())).not.toContain('secret');
  });
});

describe('ProblemJsonFilter', () => {
  function respond(exception: unknown) {
    const response = {
      headersSent: false,
      statusCode: 0,
      headers: {} as Record<string, string>,
      contentType: '',
      body: '',
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      setHeader(name: string, value: string) {
        this.headers[name] = value;
      },
      type(value: string) {
        this.contentType = value;
        return this;
      },
      send(body: string) {
        this.body = body;
      },
    };
    const request = { method: 'GET', path: '/api/stations', originalUrl: '/api/stations?limit=5' };
    const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
    new ProblemJsonFilter(pino({ level: 'silent' })).catch(exception, host);
    return response;
  }

  it('writes application/problem+json with the status, headers and the request path as instance', () => {
    const response = respond(new Problem({ status: 401, code: 'unauthenticated', detail: 'no token', headers: { 'WWW-Authenticate': 'Bearer realm="csms"' }, extensions: { hint: 1 } }));
    expect(response.statusCode).toBe(401);
    expect(response.contentType).toBe('application/problem+json');
    expect(response.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="csms"' });
    expect(JSON.parse(response.body)).toEqual({
      type: 'urn:csms:problem:unauthenticated',
      title: 'Unauthorized',
      status: 401,
      detail: 'no token',
      code: 'unauthenticated',
      instance: '/api/stations',
      hint: 1,
    });
  });

  it('never lets an extension override a standard member', () => {
    const response = respond(new Problem({ status: 404, code: 'x', detail: 'd', extensions: { status: 200, type: 'evil' } }));
    expect(JSON.parse(response.body)).toMatchObject({ status: 404, type: 'urn:csms:problem:x' });
  });
});
