import type { ApiPrincipal } from '../auth/api-token';
import type { AuditActor } from './mutation-audit';
import { redactAuditSecrets } from './secret-redaction';

/** Bodies and snapshots larger than this (as JSON) are stored as a note of their size: an audit row stays small. */
export const MAX_AUDITED_JSON_BYTES = 64 * 1024;

/** The HTTP methods that change something; the audit covers every route with one of them. */
export const MUTATING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How the principal authenticated: what it says (e.g. an OIDC login), or a bearer API token. */
export function credentialKindOf(principal: ApiPrincipal): string {
  return principal.credential ?? 'api-token';
}

export function actorOf(principal: ApiPrincipal): AuditActor {
  return { name: principal.name, roles: [...principal.roles], tenant: principal.tenant ?? null, credential: credentialKindOf(principal) };
}

/** A JSON value fit for an audit row: secrets redacted, and too large a value replaced by a note of its size. */
export function auditedJson(value: unknown): unknown {
  if (value === undefined) return null;
  const redacted = redactAuditSecrets(value);
  const bytes = Buffer.byteLength(JSON.stringify(redacted) ?? 'null', 'utf8');
  return bytes > MAX_AUDITED_JSON_BYTES ? { omitted: `${bytes} bytes of JSON, above the audit's ${MAX_AUDITED_JSON_BYTES}` } : redacted;
}

/** The path parameters as strings (Express gives strings; anything else is dropped). */
export function stringParams(params: unknown): Record<string, string> {
  if (typeof params !== 'object' || params === null) return {};
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The id a creation answered with, when the route's path names none. */
export function idOfResult(result: unknown, field: string): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const id: unknown = (result as Record<string, unknown>)[field];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}
