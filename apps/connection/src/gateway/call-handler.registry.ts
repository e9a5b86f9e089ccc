import { type ActionOf, OcppErrorKind, OcppRpcError, type OcppVersion, type RequestOf, type ResponseOf, versionOfSubprotocol } from '@app/ocpp';
import { Inject, Injectable, Optional } from '@nestjs/common';
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

/** A handler typed by the generated request and response of its action in one OCPP version. */
export type TypedCallHandler<V extends OcppVersion, A extends ActionOf<V>> = (context: CallContext, request: RequestOf<V, A>) => Promise<ResponseOf<V, A>>;

/** One capability's handlers for one version, keyed by action. */
export type ActionHandlers<V extends OcppVersion> = { [A in ActionOf<V>]?: TypedCallHandler<V, A> };

/** One capability's handlers for both versions: what a `*.handlers.ts` file registers. */
export interface VersionedHandlers {
  '1.6'?: ActionHandlers<'1.6'>;
  '2.0.1'?: ActionHandlers<'2.0.1'>;
}

/**
 * Decides, before any handler runs, whether the station may send this CALL at all (its
 * registration: stations/station-registrations.ts). Resolves with the CALLERROR to answer, or
 * undefined to go on; may throw WithholdResponse when it cannot tell.
 */
export interface CallGuard {
  admit(context: CallContext, action: string): Promise<OcppRpcError | undefined>;
}

export const CALL_GUARD = Symbol('CALL_GUARD');

/**
 * Handlers for CALLs from stations, registered per protocol and action by
 * each capability module (provisioning, transactions, security, ...). A CALL
 * that is valid OCPP but that no capability handles yet is answered NotSupported.
 * A guard, when provided, runs first and may refuse the CALL.
 */
@Injectable()
export class CallHandlerRegistry {
  private readonly handlers = new Map<string, StationCallHandler>();

  constructor(@Optional() @Inject(CALL_GUARD) private readonly guard?: CallGuard) {}

  register(protocol: OcppSubprotocol, action: string, handler: StationCallHandler): void {
    const key = `${protocol}:${action}`;
    if (this.handlers.has(key)) throw new Error(`a handler for ${key} is already registered`);
    this.handlers.set(key, handler);
  }

  /** Registers a capability's typed handlers for each version they name. */
  registerVersioned(handlers: VersionedHandlers): void {
    for (const protocol of ['ocpp1.6', 'ocpp2.0.1'] as const) {
      const byAction: Partial<Record<string, (context: CallContext, request: never) => Promise<unknown>>> = handlers[versionOfSubprotocol(protocol)] ?? {};
      for (const [action, handler] of Object.entries(byAction)) {
        if (handler === undefined) continue;
        // RpcSession validated the payload against the action's request schema, which the
        // request type was generated from; the response is validated again before it is sent.
        this.register(protocol, action, async (context, payload) => (await handler(context, payload as never)) as Record<string, unknown>);
      }
    }
  }

  async dispatch(context: CallContext, action: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const refusal = await this.guard?.admit(context, action);
    if (refusal) throw refusal;
    const handler = this.handlers.get(`${context.protocol}:${action}`);
    if (!handler) throw new OcppRpcError(OcppErrorKind.NotSupported, `${action} is not supported by this CSMS`);
    return handler(context, payload);
  }
}
