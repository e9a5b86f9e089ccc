import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { registerSecret } from './e2e-run';

export type Role = 'viewer' | 'operator' | 'admin';
export type Json = Record<string, unknown> & { items?: Json[]; nextCursor?: string | null };

export interface Answer {
  status: number;
  contentType: string;
  body: Json;
}

/** A further token of the file: any roles, the sites granted to a grid-operator token, and the tenant it is confined to. */
export interface ExtraToken {
  roles: string[];
  sites?: string[];
  tenant?: string;
}

/**
 * A bearer token per role, written (as hashes) to an API_TOKENS_FILE, and calls to a REST API
 * as one of them, as nobody, or with a forged token. The token names are `e2e-<role>`; further
 * tokens (e.g. grid operators) are `e2e-<name>`.
 */
export class OperatorApiClient<Extra extends string = never> {
  readonly tokens: Record<Role, string> = {
    viewer: `viewer-${randomBytes(16).toString('hex')}`,
    operator: `operator-${randomBytes(16).toString('hex')}`,
    admin: `admin-${randomBytes(16).toString('hex')}`,
  };

  private readonly extraTokens: Record<string, string>;

  constructor(private readonly extra: Readonly<Record<Extra, ExtraToken>> = {} as Record<Extra, ExtraToken>) {
    this.extraTokens = Object.fromEntries(Object.keys(extra).map((name) => [name, `${name}-${randomBytes(16).toString('hex')}`]));
    registerSecret(...Object.values(this.tokens), ...Object.values(this.extraTokens));
  }

  /** Writes the tokens file into `dir`; returns its path for API_TOKENS_FILE. */
  writeTokenFile(dir: string): string {
    const file = path.join(dir, 'api-tokens.json');
    const hash = (token: string) => createHash('sha256').update(token).digest('hex');
    const entries = [
      ...Object.entries(this.tokens).map(([role, token]) => ({ name: `e2e-${role}`, sha256: hash(token), roles: [role] })),
      ...Object.entries<ExtraToken>(this.extra).map(([name, token]) => ({ name: `e2e-${name}`, sha256: hash(this.extraTokens[name] ?? ''), ...token })),
    ];
    writeFileSync(file, JSON.stringify(entries));
    return file;
  }

  async call(baseUrl: string, method: string, route: string, as: Role | Extra | 'nobody' | 'forged', body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (as === 'forged') headers.authorization = `Bearer ${this.tokens.admin}x`;
    else if (as !== 'nobody') headers.authorization = `Bearer ${this.tokenOf(as)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    registerSecret(...secretFields(body), ...secretFields(text ? (JSON.parse(text) as unknown) : undefined));
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text ? (JSON.parse(text) as Json) : {} };
  }

  /** The bearer token of a role or a further token, e.g. for a browser test that signs in with it. */
  tokenOf(as: Role | Extra): string {
    const token = Object.hasOwn(this.tokens, as) ? this.tokens[as as Role] : this.extraTokens[as];
    if (token === undefined) throw new Error(`no token named ${as}`);
    return token;
  }
}

/** Values of fields named like secrets (station passwords set or generated, tokens, passphrases), at any depth. */
function secretFields(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, field]) =>
    typeof field === 'string' && /password|passphrase|secret|token/i.test(name) && !/hash|sha|file|type|id$|^(group)?idtoken|^generate[^d]|^has/i.test(name) ? [field] : secretFields(field),
  );
}
