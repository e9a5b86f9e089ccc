import { REDACTED, redactSecrets } from '../command-log/secret-redaction';

/**
 * Whether a variable's value is a credential (BasicAuthPassword, 1.6 AuthorizationKey, ...): by the
 * same rule the command history blanks them with. Such values are never stored, so no role can
 * read them back; setting one needs the admin role.
 */
export function isSecretVariable(variableName: string): boolean {
  return redactSecrets({ key: variableName, value: '' }).value === REDACTED;
}
