import type { NextFunction, Request, Response } from 'express';
import { corsDecision } from './cors-policy';

/**
 * CORS for the REST APIs of this process (CORS_ALLOWED_ORIGINS), mounted before every route so
 * that preflights are answered before the token guard (browsers send them without the
 * Authorization header). With no origin configured it does nothing at all.
 */
export function corsMiddleware(allowedOrigins: readonly string[]): (request: Request, response: Response, next: NextFunction) => void {
  const allowed = new Set(allowedOrigins);
  return (request, response, next) => {
    const decision = corsDecision(allowed, { method: request.method, origin: request.headers.origin, requestMethod: request.headers['access-control-request-method'] });
    if (decision.kind === 'off') return next();
    response.vary('Origin');
    if (decision.kind === 'vary') return next();
    response.set(decision.headers);
    if (decision.kind === 'grant') return next();
    response.status(204).end();
  };
}
