import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import type { ApiTokenSource } from './api-token-file.reload';
import { ApiTokenFileReload } from './api-token-file.reload';
import { API_TOKENS } from './bearer-authenticator';

/** Reloads the token file every API_TOKENS_RELOAD_SECONDS while the process runs (nothing to do without a file). */
@Injectable()
export class ApiTokenFileWatch implements OnModuleInit, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(API_TOKENS) private readonly tokens: ApiTokenSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  onModuleInit(): void {
    const tokens = this.tokens;
    if (!(tokens instanceof ApiTokenFileReload)) return;
    this.timer = setInterval(() => tokens.reload(), this.config.apiTokens.reloadIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
