import type { ApiTokensConfig } from '@app/config';
import { ApiTokenSet } from './api-token';
import { type TokenFileSource, parseApiTokenFile, readApiTokenFileText } from './api-token-file';
import { ensureEmbeddedAdminToken } from './embedded-admin-token';

/** The token file a process keeps reading while it runs, and what it held at start-up. */
export interface WatchedTokenFile {
  path: string;
  source: TokenFileSource;
  /** The content read at start-up, so that the first reload sees no change. */
  text: string;
}

/** The tokens a process accepts and where they came from. */
export interface LoadedApiTokens {
  tokens: ApiTokenSet;
  /** `file`: API_TOKENS_FILE. `embedded`: generated under EMBEDDED_DATA_DIR. `none`: the REST API answers 401 to every API token. */
  origin: 'file' | 'embedded' | 'none';
  /** Embedded: the file holding the generated admin token. */
  adminTokenFile?: string;
  /** The file re-read when it changes (origins `file` and `embedded`). */
  file?: WatchedTokenFile;
}

function loaded(path: string, source: TokenFileSource): { tokens: ApiTokenSet; file: WatchedTokenFile } {
  const text = readApiTokenFileText(path, source);
  return { tokens: new ApiTokenSet(parseApiTokenFile(text, source)), file: { path, source, text } };
}

/** Reads the API tokens at start-up; a ConfigError naming the variable when they cannot be used. */
export function loadApiTokens(config: Pick<ApiTokensConfig, 'file' | 'embeddedDir'>): LoadedApiTokens {
  if (config.file !== undefined) return { ...loaded(config.file, { variable: 'API_TOKENS_FILE' }), origin: 'file' };
  if (config.embeddedDir === undefined) return { tokens: new ApiTokenSet([]), origin: 'none' };
  const files = ensureEmbeddedAdminToken(config.embeddedDir);
  return { ...loaded(files.tokensFile, { variable: 'EMBEDDED_DATA_DIR', subject: 'api-tokens.json: ' }), origin: 'embedded', adminTokenFile: files.adminTokenFile };
}
