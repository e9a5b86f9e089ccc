import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { API_INDEX_INFO, ApiIndexController, type ApiIndexInfo } from './api-index.controller';
import { JsonBodyInterceptor } from './json-body.interceptor';

/** What every REST API of the process shares: the index at /api and JSON-only request bodies. */
@Module({})
export class RestModule {
  static forRoot(info: ApiIndexInfo): DynamicModule {
    return {
      module: RestModule,
      controllers: [ApiIndexController],
      providers: [
        { provide: API_INDEX_INFO, useValue: info },
        { provide: APP_INTERCEPTOR, useClass: JsonBodyInterceptor },
      ],
    };
  }
}
