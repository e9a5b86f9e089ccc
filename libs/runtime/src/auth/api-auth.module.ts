import { type DynamicModule, Global, Module } from '@nestjs/common';
import { API_TOKENS, ApiTokenGuard } from './api-token.guard';
import type { ApiTokenSet } from './api-token';

/** The API tokens of this process (loaded before Nest starts) and the guard that checks them, for every service's controllers. */
@Global()
@Module({})
export class ApiAuthModule {
  static forRoot(tokens: ApiTokenSet): DynamicModule {
    return {
      module: ApiAuthModule,
      providers: [{ provide: API_TOKENS, useValue: tokens }, ApiTokenGuard],
      exports: [API_TOKENS, ApiTokenGuard],
    };
  }
}
