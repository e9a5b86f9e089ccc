import type { OidcConfig } from '@app/config';
import { ROOT_LOGGER } from '@app/observability';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ApiTokenFileReload, FixedApiTokens } from './api-token-file.reload';
import { ApiTokenFileWatch } from './api-token-file.watch';
import { ApiTokenGuard } from './api-token.guard';
import type { LoadedApiTokens } from './api-token.loader';
import { API_TOKENS, BearerAuthenticator, JWT_VERIFIER } from './bearer-authenticator';
import { MeController } from './me.controller';
import { JwtVerifier } from './oidc/jwt-verifier';
import { OidcSigningKeys } from './oidc/oidc-signing-keys';

/**
 * The credentials of this process's REST APIs: the API tokens (loaded before Nest starts, the file
 * then re-read when it changes), the OIDC verifier when configured, and the guard that checks them
 * for every service's controllers; and `GET /api/me`, once per process.
 */
@Global()
@Module({})
export class ApiAuthModule {
  static forRoot(loaded: LoadedApiTokens, oidc: OidcConfig | undefined): DynamicModule {
    const { file } = loaded;
    return {
      module: ApiAuthModule,
      controllers: [MeController],
      providers: [
        {
          provide: API_TOKENS,
          inject: [ROOT_LOGGER],
          useFactory: (logger: Logger) =>
            file === undefined
              ? new FixedApiTokens(loaded.tokens)
              : new ApiTokenFileReload(file.path, file.source, { tokens: loaded.tokens, text: file.text }, logger.child({ component: 'api-tokens' })),
        },
        { provide: JWT_VERIFIER, useValue: oidc === undefined ? null : new JwtVerifier(oidc, new OidcSigningKeys(oidc).keyFor) },
        BearerAuthenticator,
        ApiTokenFileWatch,
        ApiTokenGuard,
      ],
      exports: [API_TOKENS, BearerAuthenticator, ApiTokenGuard],
    };
  }
}
