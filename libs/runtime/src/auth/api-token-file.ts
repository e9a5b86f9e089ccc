import { readFileSync } from 'node:fs';
import { ConfigError } from '@app/config';
import { z } from 'zod';
import { GRID_OPERATOR, tokenRoles } from './api-role';
import type { ApiToken } from './api-token';
import { SITE_ID_PATTERN } from './site-grants';
import { TENANT_ID_PATTERN } from './tenant';

const entrySchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'must be 1-64 letters, digits, ".", "_", "@" or "-"'),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the SHA-256 of the token, 64 hex digits'),
    roles: z.array(z.enum(tokenRoles)).min(1, 'must name at least one role'),
    sites: z
      .array(z.string().regex(SITE_ID_PATTERN, 'must be a site id: 1-64 letters, digits, ".", "_", ":" or "-"'))
      .min(1, 'must name at least one site')
      .optional(),
    tenant: z.string().regex(TENANT_ID_PATTERN, 'must be a tenant id: 1-64 letters, digits, ".", "_" or "-"').optional(),
    expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with a zone, e.g. 2027-01-31T00:00:00Z' }).optional(),
  })
  .superRefine((entry, context) => {
    const gridOperator = entry.roles.includes(GRID_OPERATOR);
    if (gridOperator && entry.sites === undefined) {
      context.addIssue({ code: 'custom', path: ['sites'], message: 'must list the sites a grid-operator token may set limits for' });
    }
    if (!gridOperator && entry.sites !== undefined) {
      context.addIssue({ code: 'custom', path: ['sites'], message: 'only applies to the grid-operator role: other roles are not limited to sites' });
    }
  });

const fileSchema = z
  .array(entrySchema)
  .superRefine((entries, context) => {
    const names = new Set<string>();
    const hashes = new Set<string>();
    entries.forEach((entry, index) => {
      if (names.has(entry.name)) context.addIssue({ code: 'custom', path: [index, 'name'], message: `is used twice ("${entry.name}")` });
      if (hashes.has(entry.sha256.toLowerCase())) context.addIssue({ code: 'custom', path: [index, 'sha256'], message: 'is the hash of another entry too' });
      names.add(entry.name);
      hashes.add(entry.sha256.toLowerCase());
    });
  });

function reason(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined || issue.path.length === 0) return 'must be a JSON list of { "name", "sha256", "roles" }';
  const [index, ...field] = issue.path.map(String);
  return `entry ${index}${field.length > 0 ? ` ${field.join('.')}` : ''}: ${issue.message}`;
}

/** Which setting a token file comes from, for the one-line start-up error: `API_TOKENS_FILE`, or a file under `EMBEDDED_DATA_DIR`. */
export interface TokenFileSource {
  variable: string;
  /** Prefixed to the reason, e.g. `api-tokens.json: `. */
  subject?: string;
}

/**
 * The tokens in a JSON list of `{ name, sha256, roles, sites?, tenant?, expiresAt? }` (`sites` with the
 * grid-operator role only); a ConfigError naming the variable otherwise (never quoting a hash).
 */
export function parseApiTokenFile(text: string, source: TokenFileSource): ApiToken[] {
  const fail = (why: string) => new ConfigError(source.variable, `${source.subject ?? ''}${why}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fail('is not valid JSON (expected a list of { "name", "sha256", "roles" })');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    throw fail(reason(parsed.error.issues[0]));
  }
  return parsed.data.map((entry) => ({
    name: entry.name,
    sha256: Buffer.from(entry.sha256, 'hex'),
    roles: [...new Set(entry.roles)],
    ...(entry.sites === undefined ? {} : { sites: [...new Set(entry.sites)] }),
    ...(entry.tenant === undefined ? {} : { tenant: entry.tenant }),
    ...(entry.expiresAt === undefined ? {} : { expiresAt: new Date(entry.expiresAt) }),
  }));
}

/** The text of a token file; a ConfigError naming the variable when it cannot be read. */
export function readApiTokenFileText(file: string, source: TokenFileSource): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(source.variable, `${source.subject ?? ''}names a file that cannot be read (${code})`);
  }
}

export function readApiTokenFile(file: string, source: TokenFileSource): ApiToken[] {
  return parseApiTokenFile(readApiTokenFileText(file, source), source);
}
