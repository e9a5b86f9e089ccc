import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { JsonBodyInterceptor } from './json-body.interceptor';

/** What every REST API of the process shares: JSON-only request bodies. */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: JsonBodyInterceptor }] })
export class RestModule {}
