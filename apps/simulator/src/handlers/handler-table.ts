import type { ActionOf, OcppVersion, RequestOf, ResponseOf } from '@app/ocpp';
import type { StationControl } from './station-control';

/** Answers one CSMS-initiated action of version V: request in, response out (both schema-typed). */
export type ActionHandler<V extends OcppVersion, A extends ActionOf<V>> = (
  request: RequestOf<V, A>,
  station: StationControl,
) => ResponseOf<V, A> | Promise<ResponseOf<V, A>>;

export type HandlerTable<V extends OcppVersion> = { readonly [A in ActionOf<V>]?: ActionHandler<V, A> };

/** A handler with its action's types erased, for dispatch by action name. */
export type ErasedHandler = (request: object, station: StationControl) => object | Promise<object>;

export function handlerIn<V extends OcppVersion>(table: HandlerTable<V>, action: string): ErasedHandler | undefined {
  const handler: unknown = Object.prototype.hasOwnProperty.call(table, action) ? table[action as ActionOf<V>] : undefined;
  // The session validated the request against the action's schema before dispatch, so the
  // payload has the request type the handler was written for.
  return typeof handler === 'function' ? (handler as ErasedHandler) : undefined;
}
