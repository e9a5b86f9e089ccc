import { type CanActivate, type ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { CapacityProviderRepository, type ProviderRow } from './capacity-provider.repository';
import { OscpErrorCode, OscpError, oscpProblemOf } from './oscp.error';
import { hashToken, sameHash, tokenOfHeader } from './oscp-token';

export type OscpRequest = Request & { oscpProvider?: ProviderRow };

const refused = (message: string) => oscpProblemOf(new OscpError(OscpErrorCode.unauthenticated, message));

/**
 * Authenticates an OSCP message: `Authorization: Token <token>`, the token one a registered
 * Capacity Provider was given. The token is never logged nor echoed; the stored hash is compared
 * in constant time. The provider is handed to the controller (`@OscpProvider()`).
 */
@Injectable()
export class OscpTokenGuard implements CanActivate {
  constructor(private readonly providers: CapacityProviderRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OscpRequest>();
    const token = tokenOfHeader(request.headers.authorization);
    if (token === undefined) throw refused('an OSCP message needs the header Authorization: Token <token>');
    const hash = hashToken(token);
    const provider = await this.providers.findByTokenHash(hash);
    if (provider === undefined || !sameHash(provider.token_sha256, hash)) throw refused('the token is not one given to a Capacity Provider of this system');
    const { token_sha256: _hash, ...row } = provider;
    request.oscpProvider = row;
    return true;
  }
}

/** The Capacity Provider that sent the message, as OscpTokenGuard found it. */
export const OscpProvider = createParamDecorator((_data: unknown, context: ExecutionContext): ProviderRow => {
  const provider = context.switchToHttp().getRequest<OscpRequest>().oscpProvider;
  if (provider === undefined) throw refused('no Capacity Provider authenticated this request');
  return provider;
});
