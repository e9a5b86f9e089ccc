import type { ErrorObject } from 'ajv';
import { isKnownAction } from '../catalogue/action.catalogue';
import * as ocpp16 from '../generated/ocpp16.validators';
import * as ocpp201 from '../generated/ocpp201.validators';
import type { OcppVersion } from '../ocpp-version';

/** An Ajv standalone validate function: returns validity and leaves the first error on `errors`. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type MessageKind = 'request' | 'response';

// The generated modules are untyped Ajv output; this is their one typed entry point.
const generated: Readonly<Record<OcppVersion, Readonly<Record<string, unknown>>>> = { '1.6': ocpp16, '2.0.1': ocpp201 };

/** The precompiled validator of an action's request or response; undefined for an unknown action. */
export function compiledValidatorOf(version: OcppVersion, action: string, kind: MessageKind): CompiledValidator | undefined {
  if (!isKnownAction(version, action)) return undefined;
  const candidate = generated[version][`${action}${kind === 'request' ? 'Request' : 'Response'}`];
  return typeof candidate === 'function' ? (candidate as CompiledValidator) : undefined;
}
