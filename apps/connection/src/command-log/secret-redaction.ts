// The command history is readable with the viewer role, but commands may carry credentials: a
// SetConfiguration of AuthorizationKey / BasicAuthPassword, a raw SetNetworkProfile with a VPN or
// APN password, an upload URL with a user and password. They are blanked before a command's
// request or answer is stored; nothing else is changed.

export const REDACTED = '[redacted]';

/** Property names that hold a secret themselves: `password`, `apnPassword`, `simPin`, ...; and a CustomerInformation's personal `customerIdentifier`. */
const SECRET_PROPERTY = /password|passwd|secret|simpin|privatekey|customeridentifier/i;
/** Setting names whose value is a secret: 1.6 AuthorizationKey, 2.0.1 BasicAuthPassword, ... */
const SECRET_SETTING = /password|authorizationkey|secret|privatekey|pin$/i;
/** Where a name/value pair keeps its value (1.6 key/value, 2.0.1 attributeValue, our neutral settings). */
const VALUE_PROPERTIES = ['value', 'attributeValue'];
const URL_WITH_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^/@\s]*@/i;

/** A copy of `payload` with credentials blanked; `key` in a 1.6 key/value pair is a setting name, not a secret. */
export function redactSecrets<T>(payload: T): T {
  return redactValue(payload) as T;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(URL_WITH_PASSWORD, `$1:${REDACTED}@`);
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  const settingIsSecret = SECRET_SETTING.test(settingName(object) ?? '');
  // `key` names the setting of a 1.6 key/value pair; anywhere else (a 2.0.1 VPN) it is a secret.
  const keyIsSecret = !('value' in object || 'readonly' in object);
  return Object.fromEntries(
    Object.entries(object).map(([name, member]) => {
      if (settingIsSecret && VALUE_PROPERTIES.includes(name)) return [name, REDACTED];
      const primitive = typeof member === 'string' || typeof member === 'number';
      if (primitive && (SECRET_PROPERTY.test(name) || (name === 'key' && keyIsSecret))) return [name, REDACTED];
      return [name, redactValue(member)];
    }),
  );
}

/**
 * Who a CustomerInformation is about is personal data (GDPR): the customer-information endpoints
 * show it to operators only, so the command history, readable with the viewer role, blanks it.
 */
const PERSONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  CustomerInformation: ['customerIdentifier', 'idToken', 'customerCertificate'],
};

/** redactSecrets, and for an action about a person (CustomerInformation) whom it is about, wherever it stands. */
export function redactCall<T>(action: string, payload: T): T {
  const personal = PERSONAL_FIELDS[action];
  const redacted = redactSecrets(payload);
  return personal === undefined ? redacted : (blankFields(redacted, personal) as T);
}

function blankFields(value: unknown, names: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((member) => blankFields(member, names));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, names.includes(name) ? REDACTED : blankFields(member, names)]));
}

/** The setting a name/value pair is about: 1.6 `key`, 2.0.1 `variable.name`, or a neutral `key`. */
function settingName(pair: Record<string, unknown>): string | undefined {
  if (typeof pair.key === 'string') return pair.key;
  const variable = pair.variable;
  if (typeof variable === 'object' && variable !== null && typeof (variable as { name?: unknown }).name === 'string') return (variable as { name: string }).name;
  return undefined;
}
