import { OcppRpcError, OcppErrorKind } from '@app/ocpp';
import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { OcppSubprotocol } from './subprotocol';

/** Who is calling, as far as a handler needs to know. */
export interface CallContext {
  stationId: string;
  protocol: OcppSubprotocol;
  securityProfile: number;
  logger: Logger;
}

export type StationCallHandler = (context: CallContext, payload: Record<string, unknown>) => Promise<Record<string, unknown>>;

/**
 * Handlers for CALLs from stations, registered per protocol and action by
 * each capability module (provisioning, transactions, security, ...). A CALL
 * that is valid OCPP but that no capability handles yet is answered NotSupported.
 */
@Injectable()
export class CallHandlerRegistry {
  private readonly handlers = new Map<string, StationCallHandler>();

  register(protocol: OcppSubprotocol, action: string, handler: StationCallHandler): void {
    const key = `${protocol}:${action}`;
    if (this.handlers.has(key)) throw new Error(`a handler for ${key} is already registered`);
    this.handlers.set(key, handler);
  }

  async dispatch(context: CallContext, action: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const handler = this.handlers.get(`${context.protocol}:${action}`);
    if (!handler) throw new OcppRpcError(OcppErrorKind.NotSupported, `${action} is not supported by this CSMS`);
    return handler(context, payload);
  }
}
