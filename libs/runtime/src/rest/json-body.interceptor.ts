import type { IncomingHttpHeaders } from 'node:http';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/internal';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { Problem } from './problem';

/** RFC 9112 §6.3: a request has a body when it says how it is framed and that framing is not empty. */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}

/** `application/json`, with any parameters (charset is the JSON parser's to check). */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * A 415 problem for a body that is not declared as JSON. Without it, the JSON parser skips the
 * body (or the form parser reads it, as `curl -d` sends it) and validation then complains about
 * fields the client did send.
 */
export function unsupportedBody(headers: IncomingHttpHeaders): Problem | undefined {
  if (!hasBody(headers) || isJsonContentType(headers['content-type'])) return undefined;
  const declared = headers['content-type'] === undefined ? 'no Content-Type' : `Content-Type ${headers['content-type']}`;
  return new Problem({
    status: 415,
    code: 'unsupported-media-type',
    detail: `the request body must be JSON, sent with Content-Type: application/json (this one came with ${declared})`,
    extensions: { supportedContentTypes: ['application/json'] },
  });
}

/** Whether the route handler reads the request body (`@Body()`): only those refuse a body that is not JSON. */
function takesBody(context: ExecutionContext): boolean {
  const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, unknown>;
  return Object.keys(parameters).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}

/**
 * Answers 415 problem JSON to a request whose body is not JSON, for every endpoint that takes a
 * body. Registered globally; it runs after the guards, so an unauthenticated caller learns nothing.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && takesBody(context)) {
      const problem = unsupportedBody(context.switchToHttp().getRequest<Request>().headers);
      if (problem) throw problem;
    }
    return next.handle();
  }
}
