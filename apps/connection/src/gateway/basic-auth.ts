export interface BasicCredentials {
  username: string;
  password: string;
}

/** Reads an `Authorization: Basic base64(user:password)` header; undefined when absent or malformed. */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return undefined;
  return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

/**
 * The Basic credentials of `stationId`. Station ids may contain ":", which the
 * generic split would cut: when the decoded value starts with "<stationId>:",
 * everything after that prefix is the password.
 */
export function basicCredentialsOf(stationId: string, header: string | undefined): BasicCredentials | undefined {
  const parsed = parseBasicAuthorization(header);
  if (!parsed) return undefined;
  const decoded = `${parsed.username}:${parsed.password}`;
  const prefix = `${stationId}:`;
  return decoded.startsWith(prefix) ? { username: stationId, password: decoded.slice(prefix.length) } : parsed;
}
