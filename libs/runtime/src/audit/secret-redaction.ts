/** What replaces a secret in an audit entry: says that something was there, never what. */
export const AUDIT_REDACTED = '[redacted]';

/**
 * Field names (compared without case, `-` or `_`) whose value is a credential: passwords, PINs,
 * secrets, tokens, private keys. Token names end in `token`, but `idToken` and its kin name an
 * OCPP badge, which proves nothing and says whose badge an entry is about, so they are kept.
 */
const SECRET_FIELD = /passw(or)?d|passphrase|secret|simpin|privatekey|keypem$|authorizationkey|apikey|credentials?$|token$/;
const BADGE_FIELDS: ReadonlySet<string> = new Set(['idtoken', 'groupidtoken', 'parentidtoken']);
/** Setting names (1.6 configuration keys, 2.0.1 variables) whose value is a secret: BasicAuthPassword, AuthorizationKey, ... */
const SECRET_SETTING = /password|authorizationkey|secret|privatekey|pin$/;
/** Where a name/value pair keeps its value: 1.6 `value`, 2.0.1 `attributeValue`. */
const SETTING_VALUE_FIELDS: ReadonlySet<string> = new Set(['value', 'attributevalue']);
/** A PEM block holding a private key, in any of its spellings (PKCS#1, PKCS#8, EC, encrypted). */
const PRIVATE_KEY_PEM = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
/** `scheme://user:password@host`: the password is blanked, the rest kept. */
const URL_WITH_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^/@\s]*@/i;

function normalised(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

export function isSecretFieldName(name: string): boolean {
  const normal = normalised(name);
  return !BADGE_FIELDS.has(normal) && SECRET_FIELD.test(normal);
}

/** The setting a name/value pair is about: 1.6 `key`, 2.0.1 `variable.name`. */
function settingName(pair: Record<string, unknown>): string | undefined {
  if (typeof pair.key === 'string') return pair.key;
  const variable = pair.variable;
  if (typeof variable === 'object' && variable !== null && typeof (variable as { name?: unknown }).name === 'string') return (variable as { name: string }).name;
  return undefined;
}

function redactString(text: string): string {
  if (PRIVATE_KEY_PEM.test(text)) return AUDIT_REDACTED;
  return text.replace(URL_WITH_PASSWORD, `$1:${AUDIT_REDACTED}@`);
}

/** Booleans (`hasPassword`) and absent values say nothing secret; anything else under a secret name goes. */
function holdsSomething(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value !== 'boolean';
}

/**
 * A copy of a JSON value fit for the audit log: credentials, private keys, secret OCPP settings and
 * passwords in URLs replaced by `[redacted]`, everything else kept. `key` is a setting's name in a
 * 1.6 key/value pair and a secret anywhere else (a 2.0.1 VPN key). Pure; values nested deeper than
 * `maxDepth` cannot be checked, so they are redacted as well.
 */
export function redactAuditSecrets(value: unknown, maxDepth = 32): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (maxDepth <= 0) return AUDIT_REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactAuditSecrets(item, maxDepth - 1));
  const object = value as Record<string, unknown>;
  const settingIsSecret = SECRET_SETTING.test(normalised(settingName(object) ?? ''));
  const keyIsSecret = !('value' in object || 'readonly' in object);
  const copy: Record<string, unknown> = {};
  for (const [field, member] of Object.entries(object)) {
    const normal = normalised(field);
    const secret = isSecretFieldName(field) || (settingIsSecret && SETTING_VALUE_FIELDS.has(normal)) || (normal === 'key' && keyIsSecret && typeof member === 'string');
    copy[field] = secret && holdsSomething(member) ? AUDIT_REDACTED : redactAuditSecrets(member, maxDepth - 1);
  }
  return copy;
}
