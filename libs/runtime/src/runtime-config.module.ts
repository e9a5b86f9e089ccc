import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { InternalApiGuard } from './internal-api/internal-api.guard';

@Global()
@Module({})
export class RuntimeConfigModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: RuntimeConfigModule,
      providers: [{ provide: RUNTIME_CONFIG, useValue: config }, InternalApiGuard],
      exports: [RUNTIME_CONFIG, InternalApiGuard],
    };
  }
}
