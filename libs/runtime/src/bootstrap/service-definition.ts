import type { RuntimeConfig, ServiceName } from '@app/config';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';

/** What a service contributes to a process: its root module (capabilities, persistence, consumers). */
export interface ServiceDefinition {
  name: ServiceName;
  module: Type<unknown> | DynamicModule;
  title: string;
  /**
   * HTTP handlers outside the REST APIs and their guards (the connection service's operator
   * console at /console), mounted before Nest's routes when the process starts.
   */
  mountHttp?: (app: NestExpressApplication, config: RuntimeConfig, logger: Logger) => void;
}
