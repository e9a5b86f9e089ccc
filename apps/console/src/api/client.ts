import type { ApiService, ConsoleConfig } from '../config';
import { ApiError, apiErrorOf, unreachableError } from './problem';

export type QueryValue = string | number | boolean | undefined | null;

const serviceNames: Readonly<Record<ApiService, string>> = { connection: 'connection', smartCharging: 'smart-charging', pki: 'pki' };

/** Builds `base + path + ?query`, leaving out empty values so a filter left blank is no filter. */
export function apiUrl(base: string, path: string, query: Readonly<Record<string, QueryValue>> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return `${base}${path.startsWith('/') ? path : `/${path}`}${text ? `?${text}` : ''}`;
}

/**
 * The console's only way to the services: their public REST APIs with the signed-in bearer token, so everything it
 * shows a script can do too. A 401 signs the session out (the token expired or was revoked).
 */
export class ApiClient {
  constructor(
    private readonly config: ConsoleConfig,
    private readonly token: () => string | undefined,
    private readonly onUnauthorized: () => void,
  ) {}

  get<T>(service: ApiService, path: string, query?: Readonly<Record<string, QueryValue>>, signal?: AbortSignal): Promise<T> {
    return this.send<T>(service, 'GET', apiUrl(this.config.api[service], path, query), undefined, signal);
  }

  post<T>(service: ApiService, path: string, body?: unknown): Promise<T> {
    return this.send<T>(service, 'POST', apiUrl(this.config.api[service], path), body ?? {});
  }

  put<T>(service: ApiService, path: string, body: unknown): Promise<T> {
    return this.send<T>(service, 'PUT', apiUrl(this.config.api[service], path), body);
  }

  delete<T>(service: ApiService, path: string, query?: Readonly<Record<string, QueryValue>>): Promise<T> {
    return this.send<T>(service, 'DELETE', apiUrl(this.config.api[service], path, query));
  }

  private async send<T>(service: ApiService, method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let answer: Response;
    try {
      answer = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw unreachableError(serviceNames[service]);
    }
    const text = await answer.text();
    const parsed = parseJson(text);
    if (!answer.ok) {
      if (answer.status === 401 && token) this.onUnauthorized();
      throw apiErrorOf(answer.status, parsed, answer.statusText);
    }
    return (parsed === undefined ? undefined : parsed) as T;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export { ApiError };
