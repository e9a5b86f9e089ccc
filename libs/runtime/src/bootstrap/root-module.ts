import type { RuntimeConfig } from '@app/config';
import { MessagingModule } from '@app/messaging';
import { ObservabilityModule } from '@app/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ApiAuthModule } from '../auth/api-auth.module';
import type { LoadedApiTokens } from '../auth/api-token.loader';
import { RestModule } from '../rest/rest.module';
import { RuntimeConfigModule } from '../runtime-config.module';
import { REST_API_VERSION, restApiTitle } from './openapi';
import type { ServiceDefinition } from './service-definition';

@Module({})
class ProcessRootModule {}

/** The Nest module tree of one process: shared infrastructure once, then each service's module. */
export function processRootModule(config: RuntimeConfig, logger: Logger, services: ServiceDefinition[], apiTokens: LoadedApiTokens): DynamicModule {
  return {
    module: ProcessRootModule,
    imports: [
      RuntimeConfigModule.forRoot(config),
      ApiAuthModule.forRoot(apiTokens, config.oidc),
      ObservabilityModule.forRoot(logger),
      RestModule.forRoot({ title: restApiTitle(services), version: REST_API_VERSION }),
      MessagingModule,
      ...services.map((service) => service.module),
    ],
  };
}
