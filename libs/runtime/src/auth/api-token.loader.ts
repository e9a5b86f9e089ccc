import type { ApiTokensConfig } from '@app/config';
import { ApiTokenSet } from './api-token';
import { readApiTokenFile } from './api-token-file';
import { ensureEmbeddedAdminToken } from './embedded-admin-token';

/** The tokens a process accepts and where they came from. */
export interface LoadedApiTokens {
  tokens: ApiTokenSet;
  /** `file`: API_TOKENS_FILE. `embedded`: generated under EMBEDDED_DATA_DIR. `none`: the REST API answers 401 to everything. */
  origin: 'file' | 'embedded' | 'none';
  /** Embedded: the file holding the generated admin token. */
  adminTokenFile?: string;
}

/** Reads the API tokens at start-up; a ConfigError naming the variable when they cannot be used. */
export function loadApiTokens(config: ApiTokensConfig): LoadedApiTokens {
  if (config.file !== undefined) return { tokens: new ApiTokenSet(readApiTokenFile(config.file, { variable: 'API_TOKENS_FILE' })), origin: 'file' };
  if (config.embeddedDir === undefined) return { tokens: new ApiTokenSet([]), origin: 'none' };
  const files = ensureEmbeddedAdminToken(config.embeddedDir);
  const tokens = readApiTokenFile(files.tokensFile, { variable: 'EMBEDDED_DATA_DIR', subject: 'api-tokens.json: ' });
  return { tokens: new ApiTokenSet(tokens), origin: 'embedded', adminTokenFile: files.adminTokenFile };
}
