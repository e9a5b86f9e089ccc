/** Methods and request headers a console on another origin may use; what it may read of an answer. */
export const CORS_ALLOWED_METHODS = 'GET, POST, PUT, DELETE';
export const CORS_ALLOWED_HEADERS = 'Authorization, Content-Type';
export const CORS_EXPOSED_HEADERS = 'Retry-After, WWW-Authenticate, Content-Disposition';
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * What to do about CORS for one request:
 * - `off`: no origin is configured, so no CORS header at all (same-origin deployments);
 * - `vary`: the answer depends on Origin, but this one gets no grant (no or another origin);
 * - `preflight`: answer the OPTIONS preflight of an allowed origin at once, 204 with these headers;
 * - `grant`: serve the request, with these headers added.
 * Credentials mode is never granted: the console sends bearer tokens in a header, not cookies.
 */
export type CorsDecision =
  | { kind: 'off' }
  | { kind: 'vary' }
  | { kind: 'preflight'; headers: Record<string, string> }
  | { kind: 'grant'; headers: Record<string, string> };

export interface CorsRequest {
  method: string;
  origin: string | undefined;
  /** Access-Control-Request-Method: present on a preflight only. */
  requestMethod: string | undefined;
}

export function corsDecision(allowedOrigins: ReadonlySet<string>, request: CorsRequest): CorsDecision {
  if (allowedOrigins.size === 0) return { kind: 'off' };
  const { origin } = request;
  // Exact comparison: CORS_ALLOWED_ORIGINS holds origins as browsers send them (checked at start-up).
  if (origin === undefined || !allowedOrigins.has(origin)) return { kind: 'vary' };
  if (request.method.toUpperCase() === 'OPTIONS' && request.requestMethod !== undefined) {
    return {
      kind: 'preflight',
      headers: {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS,
        'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS,
        'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
      },
    };
  }
  return { kind: 'grant', headers: { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS } };
}
