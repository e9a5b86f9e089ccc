import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { type UnknownIdTokenPolicy, decideAuthorization } from './authorization.policy';
import { type AuthorizationDecision, IDTAG_TYPE, type IdTokenRef, type StoredIdToken } from './id-token';
import { IdTokenRepository } from './id-token.repository';

/** Decides id tokens for Authorize and for the tokens that start and stop transactions. */
@Injectable()
export class AuthorizationService {
  private readonly unknownTokens: UnknownIdTokenPolicy;

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    private readonly tokens: IdTokenRepository,
  ) {
    this.unknownTokens = config.stationCore.unknownIdTokens;
  }

  async decide(token: IdTokenRef, now = new Date()): Promise<AuthorizationDecision> {
    const stored = token.type === 'NoAuthorization' ? undefined : await this.tokens.find(token.value);
    return decideAuthorization(token, stored !== undefined && sameType(token, stored) ? stored : undefined, now, this.unknownTokens);
  }
}

/**
 * A registered token is the presented one only if the types agree too: a KeyCode that happens to
 * spell a card's UID is not that card. A 1.6 idTag carries no type (`IdTag`), so it matches a
 * token of any type, and a token registered as an idTag matches a 2.0.1 token of any type.
 */
function sameType(token: IdTokenRef, stored: StoredIdToken): boolean {
  return token.type === IDTAG_TYPE || stored.type === IDTAG_TYPE || token.type === stored.type;
}
