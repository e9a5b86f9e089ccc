import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export type Role = 'viewer' | 'operator' | 'admin';
export type Json = Record<string, unknown> & { items?: Json[]; nextCursor?: string | null };

export interface Answer {
  status: number;
  contentType: string;
  body: Json;
}

/**
 * A bearer token per role, written (as hashes) to an API_TOKENS_FILE, and calls to a REST API
 * as one of them, as nobody, or with a forged token. The token names are `e2e-<role>`.
 */
export class OperatorApiClient {
  readonly tokens: Record<Role, string> = {
    viewer: `viewer-${randomBytes(16).toString('hex')}`,
    operator: `operator-${randomBytes(16).toString('hex')}`,
    admin: `admin-${randomBytes(16).toString('hex')}`,
  };

  /** Writes the tokens file into `dir`; returns its path for API_TOKENS_FILE. */
  writeTokenFile(dir: string): string {
    const file = path.join(dir, 'api-tokens.json');
    const entries = Object.entries(this.tokens).map(([role, token]) => ({ name: `e2e-${role}`, sha256: createHash('sha256').update(token).digest('hex'), roles: [role] }));
    writeFileSync(file, JSON.stringify(entries));
    return file;
  }

  async call(baseUrl: string, method: string, route: string, as: Role | 'nobody' | 'forged', body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (as === 'forged') headers.authorization = `Bearer ${this.tokens.admin}x`;
    else if (as !== 'nobody') headers.authorization = `Bearer ${this.tokens[as]}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text ? (JSON.parse(text) as Json) : {} };
  }
}
