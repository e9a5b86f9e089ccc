import type * as Ocpp16 from './generated/ocpp16.types';
import type * as Ocpp201 from './generated/ocpp201.types';
import type { OcppVersion } from './ocpp-version';

/** Requests and responses per version, keyed by action (generated from the OCA schemas). */
export interface OcppMessageTypes {
  '1.6': { requests: Ocpp16.RequestByAction; responses: Ocpp16.ResponseByAction };
  '2.0.1': { requests: Ocpp201.RequestByAction; responses: Ocpp201.ResponseByAction };
}

export type ActionOf<V extends OcppVersion> = keyof OcppMessageTypes[V]['requests'] & string;

export type RequestOf<V extends OcppVersion, A extends ActionOf<V>> = OcppMessageTypes[V]['requests'][A];

export type ResponseOf<V extends OcppVersion, A extends ActionOf<V>> = A extends keyof OcppMessageTypes[V]['responses']
  ? OcppMessageTypes[V]['responses'][A]
  : never;
