import { Module } from '@nestjs/common';
import { GatewayModule } from '../gateway/gateway.module';
import { Iso15118Handlers } from './iso15118.handlers';

/** Plug & Charge: certificate status and EV contract certificates for 2.0.1 stations, from outside systems. */
@Module({
  imports: [GatewayModule],
  providers: [Iso15118Handlers],
})
export class Iso15118Module {}
