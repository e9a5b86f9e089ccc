import type { ErrorObject } from 'ajv';
import { OcppErrorKind } from '../errors/ocpp-error-kind';
import { OcppRpcError } from '../errors/ocpp-rpc.error';

/**
 * Ajv keyword → error kind. `type` is a data type constraint; keywords about how often something
 * occurs (presence, extra properties, array sizes) are occurrence constraints; keywords about a
 * value's content are property constraints (the fallback for any other keyword).
 */
const kindByKeyword: Readonly<Record<string, OcppErrorKind>> = {
  type: OcppErrorKind.TypeConstraintViolation,
  required: OcppErrorKind.OccurrenceConstraintViolation,
  additionalProperties: OcppErrorKind.OccurrenceConstraintViolation,
  minItems: OcppErrorKind.OccurrenceConstraintViolation,
  maxItems: OcppErrorKind.OccurrenceConstraintViolation,
  minProperties: OcppErrorKind.OccurrenceConstraintViolation,
  maxProperties: OcppErrorKind.OccurrenceConstraintViolation,
};

function escapePointerToken(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function stringParam(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The constraint in words, after the pointer of the offending value (Ajv's phrasing where it has one). */
function constraintOf(error: ErrorObject): string {
  const params: Record<string, unknown> = error.params;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed (no additional properties)';
    case 'type':
      return `must be ${stringParam(params, 'type')}`;
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map(String).join(', ') : '';
      return `must be one of: ${allowed}`;
    }
    case 'const':
      return `must be equal to ${JSON.stringify(params.allowedValue)}`;
    case 'maxLength':
      return `must NOT have more than ${stringParam(params, 'limit')} characters`;
    case 'minLength':
      return `must NOT have fewer than ${stringParam(params, 'limit')} characters`;
    case 'maxItems':
      return `must NOT have more than ${stringParam(params, 'limit')} items`;
    case 'minItems':
      return `must NOT have fewer than ${stringParam(params, 'limit')} items`;
    case 'pattern':
      return `must match pattern "${stringParam(params, 'pattern')}"`;
    case 'format':
      return `must match format "${stringParam(params, 'format')}"`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${stringParam(params, 'comparison')} ${stringParam(params, 'limit')}`;
    case 'multipleOf':
      return `must be a multiple of ${stringParam(params, 'multipleOf')}`;
    default:
      return `violates "${error.keyword}"`;
  }
}

/** JSON pointer of the offending value: for required/additionalProperties, the named property. */
function pointerOf(error: ErrorObject): string {
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${error.instancePath}/${escapePointerToken(params.missingProperty)}`;
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${error.instancePath}/${escapePointerToken(params.additionalProperty)}`;
  }
  return error.instancePath;
}

/**
 * The CALLERROR for a schema violation, e.g. `/chargePointVendor must NOT have more than 20
 * characters` (OccurrenceConstraintViolation, details `{ path, keyword }`). The payload root reads
 * as `payload`.
 */
export function schemaViolationOf(error: ErrorObject): OcppRpcError {
  const kind = kindByKeyword[error.keyword] ?? OcppErrorKind.PropertyConstraintViolation;
  const path = pointerOf(error);
  return new OcppRpcError(kind, `${path === '' ? 'payload' : path} ${constraintOf(error)}`, { path, keyword: error.keyword });
}
