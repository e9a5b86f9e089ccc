/**
 * The bearer token of this browser tab. sessionStorage, not localStorage: it dies with the tab and is not shared with
 * other tabs; nothing else about the caller is kept (it is asked from `GET /api/me`).
 */
export interface StoredSession {
  token: string;
  method: 'api-token' | 'oidc';
  /** Epoch ms after which the token is refused (OIDC access tokens); the console signs out then. */
  expiresAt?: number;
}

const key = 'csms-console-session';

export function readSession(storage: Storage = sessionStorage): StoredSession | undefined {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? 'null') as StoredSession | null;
    if (!parsed || typeof parsed.token !== 'string' || parsed.token.length === 0) return undefined;
    if (parsed.expiresAt !== undefined && parsed.expiresAt <= Date.now()) {
      storage.removeItem(key);
      return undefined;
    }
    return parsed;
  } catch {
    return undefined;
  }
}

export function writeSession(session: StoredSession, storage: Storage = sessionStorage): void {
  storage.setItem(key, JSON.stringify(session));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(key);
}
