import type { ServiceName } from '@app/config';
import type { DynamicModule, Type } from '@nestjs/common';

/** What a service contributes to a process: its root module (capabilities, persistence, consumers). */
export interface ServiceDefinition {
  name: ServiceName;
  module: Type<unknown> | DynamicModule;
  title: string;
}
