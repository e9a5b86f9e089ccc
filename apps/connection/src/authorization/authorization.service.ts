import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { type UnknownIdTokenPolicy, decideAuthorization } from './authorization.policy';
import type { AuthorizationDecision, IdTokenRef } from './id-token';
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
    return decideAuthorization(token, stored, now, this.unknownTokens);
  }
}
