import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { PROBLEM_CONTENT_TYPE, Problem } from './problem';

/** Codes for the HTTP errors that Nest and Express raise themselves (unknown route, body parser, ...). */
const codesByStatus: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'unavailable',
};

interface HttpError {
  status: number;
  type?: string;
  expose?: boolean;
}

/** Errors of the Express body parser (http-errors): a status and whether their message is safe to show. */
function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number' && 'expose' in error;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** The JSON body parser's error, which the Express adapter hands on wrapped in a BadRequestException (its `cause`). */
function malformedJson(exception: unknown): Problem | undefined {
  const parserError = exception instanceof HttpException ? exception.cause : exception;
  if (!isHttpError(parserError) || parserError.type !== 'entity.parse.failed') return undefined;
  const reason = parserError instanceof Error ? `: ${parserError.message}` : '';
  return new Problem({ status: 400, code: 'malformed-json', detail: `the request body is not valid JSON${reason}` });
}

/**
 * PostgreSQL refuses U+0000 in text with SQLSTATE 22021 (node-pg sends every other string as valid
 * UTF-8), so that error can only come from a request value: a client error, whichever route let it through.
 */
function textTheDatabaseRefused(exception: unknown): Problem | undefined {
  const driverError = typeof exception === 'object' && exception !== null ? (exception as { driverError?: unknown }).driverError : undefined;
  const code = [exception, driverError].map((candidate) => (typeof candidate === 'object' && candidate !== null ? (candidate as { code?: unknown }).code : undefined));
  if (!code.includes('22021')) return undefined;
  return new Problem({ status: 400, code: 'bad-request', detail: 'the request holds text that cannot be stored (U+0000)' });
}

/** Any error thrown while handling a request, as a Problem. Unexpected errors become a 500 that says nothing of their cause. */
export function toProblem(exception: unknown): Problem {
  if (exception instanceof Problem) return exception;
  const malformed = malformedJson(exception);
  if (malformed) return malformed;
  const refusedText = textTheDatabaseRefused(exception);
  if (refusedText) return refusedText;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return new Problem({ status, code: codesByStatus[status] ?? (status >= 500 ? 'server-error' : 'client-error'), detail: messageOf(exception) });
  }
  if (isHttpError(exception) && exception.status >= 400 && exception.status < 500) {
    return new Problem({ status: exception.status, code: codesByStatus[exception.status] ?? 'client-error', detail: 'the request cannot be handled' });
  }
  return new Problem({ status: 500, code: 'internal-error', detail: 'the server failed to handle the request' });
}

/**
 * Renders every error of every HTTP endpoint as RFC 9457 problem JSON. Registered globally, so
 * errors raised before a controller runs (body parser, unknown route, guards) look the same.
 */
@Catch()
export class ProblemJsonFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.init.status >= 500 && !(exception instanceof Problem)) {
      this.logger.error({ err: exception, method: request.method, path: request.path }, 'request failed');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(problem.init.status);
    for (const [name, value] of Object.entries(problem.headers)) response.setHeader(name, value);
    response.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.details(request.originalUrl.split('?')[0])));
  }
}
