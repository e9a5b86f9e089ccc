import { OcppErrorKind } from '../errors/ocpp-error-kind';
import { OcppRpcError } from '../errors/ocpp-rpc.error';

/** The OCA schemas bound no integer; what a CSMS stores (PostgreSQL integer columns) is 0 to 2^31-1. */
export const STORED_INTEGER_MAX = 2147483647;

/**
 * Throws PropertyConstraintViolation naming the first field whose value cannot be stored, so that
 * the station learns its error at once: failing the INSERT instead would withhold the answer
 * (a database failure) and the station would send the same message for ever.
 */
export function assertStorableIntegers(fields: Readonly<Record<string, number | undefined>>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || (Number.isInteger(value) && value >= 0 && value <= STORED_INTEGER_MAX)) continue;
    throw new OcppRpcError(OcppErrorKind.PropertyConstraintViolation, `${name} ${value} is not an integer from 0 to ${STORED_INTEGER_MAX}`);
  }
}
