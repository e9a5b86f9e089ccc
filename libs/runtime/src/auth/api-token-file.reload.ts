import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { ApiTokenSet } from './api-token';
import { type TokenFileSource, parseApiTokenFile, readApiTokenFileText } from './api-token-file';

/** The API tokens in force right now: fixed for the process, or the set last read from the token file. */
export interface ApiTokenSource {
  current(): ApiTokenSet;
}

/** Tokens that never change: tests, and a process without a token file. */
export class FixedApiTokens implements ApiTokenSource {
  constructor(private readonly tokens: ApiTokenSet) {}

  current(): ApiTokenSet {
    return this.tokens;
  }
}

function digestOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What one look at the file did: nothing changed, a new set is in force, or the file is unusable and the last good set stays. */
export type TokenFileReloadOutcome = 'unchanged' | 'replaced' | 'kept';

/**
 * The token file, read again whenever its content changes, so that removing an entry revokes the
 * token within one reload interval and a new entry works without a restart. A file that cannot be
 * read or parsed leaves the last good set in force and is logged once per distinct problem (the
 * message never quotes a hash). The content is compared, not the modification time, so an edit
 * within the same second or an atomic rename is seen as well.
 */
export class ApiTokenFileReload implements ApiTokenSource {
  private tokens: ApiTokenSet;
  private seenDigest: string;
  private loggedFailure: string | undefined;

  constructor(
    private readonly file: string,
    private readonly source: TokenFileSource,
    initial: { tokens: ApiTokenSet; text: string },
    private readonly logger: Pick<Logger, 'info' | 'warn'>,
  ) {
    this.tokens = initial.tokens;
    this.seenDigest = digestOf(initial.text);
  }

  current(): ApiTokenSet {
    return this.tokens;
  }

  reload(): TokenFileReloadOutcome {
    let tokens: ApiTokenSet;
    let digest: string;
    try {
      const text = readApiTokenFileText(this.file, this.source);
      digest = digestOf(text);
      if (digest === this.seenDigest) return 'unchanged';
      tokens = new ApiTokenSet(parseApiTokenFile(text, this.source));
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      if (failure !== this.loggedFailure) {
        this.logger.warn({ file: this.file, failure, tokens: this.tokens.size }, 'the API token file is unusable; the last good tokens stay in force');
        this.loggedFailure = failure;
      }
      return 'kept';
    }
    this.tokens = tokens;
    this.seenDigest = digest;
    this.loggedFailure = undefined;
    this.logger.info({ file: this.file, tokens: tokens.size }, 'API token file changed: its tokens are in force');
    return 'replaced';
  }
}
