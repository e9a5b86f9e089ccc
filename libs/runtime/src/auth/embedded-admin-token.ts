import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '@app/config';
import { sha256 } from './api-token';

export interface EmbeddedTokenFiles {
  /** `<dir>/api-tokens.json`: hashes only, read like API_TOKENS_FILE. */
  tokensFile: string;
  /** `<dir>/admin-token` (mode 0600): the generated admin token itself, for the person running `npm start`. */
  adminTokenFile: string;
}

export const EMBEDDED_ADMIN_NAME = 'embedded-admin';

function newToken(): string {
  return `csms_${randomBytes(32).toString('base64url')}`;
}

function existingToken(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const token = readFileSync(file, 'utf8').trim();
  return token.length >= 16 ? token : undefined;
}

function writePrivately(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
}

/**
 * Embedded mode without API_TOKENS_FILE: on first start, a random admin token; its hash goes to
 * `api-tokens.json`, the token itself to `admin-token` (readable by its owner only). Later starts
 * keep both. A deleted `api-tokens.json` is rebuilt from `admin-token` when that still exists.
 */
export function ensureEmbeddedAdminToken(dir: string): EmbeddedTokenFiles {
  const files = { tokensFile: path.join(dir, 'api-tokens.json'), adminTokenFile: path.join(dir, 'admin-token') };
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (existsSync(files.tokensFile)) return files;
    const kept = existingToken(files.adminTokenFile);
    const token = kept ?? newToken();
    if (kept === undefined) writePrivately(files.adminTokenFile, `${token}\n`);
    else chmodSync(files.adminTokenFile, 0o600);
    const entries = [{ name: EMBEDDED_ADMIN_NAME, sha256: sha256(token).toString('hex'), roles: ['admin'] }];
    writePrivately(files.tokensFile, `${JSON.stringify(entries, null, 2)}\n`);
    return files;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'failed';
    throw new ConfigError('EMBEDDED_DATA_DIR', `cannot hold the generated API token (${code})`);
  }
}
