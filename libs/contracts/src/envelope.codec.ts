import { create, fromBinary, toBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { ContractError, ContractErrorCode } from './contract.error';
import { type Envelope, type EnvelopeKind, type EnvelopeSchema, envelopeIdentity, envelopeSchemas } from './envelope';

/** Header that names the protobuf type of a payload, so a misrouted message is caught before decoding. */
export const MESSAGE_TYPE_HEADER = 'content-type';

export function contentTypeOf(kind: EnvelopeKind): string {
  return `application/protobuf; proto=${envelopeSchemas[kind].typeName}`;
}

export function createEnvelope<K extends EnvelopeKind>(kind: K, init: MessageInitShape<EnvelopeSchema<K>>): Envelope<K> {
  return create(envelopeSchemas[kind] as EnvelopeSchema<K>, init) as Envelope<K>;
}

export function encodeEnvelope<K extends EnvelopeKind>(kind: K, message: Envelope<K>): Uint8Array {
  assertComplete(kind, message);
  return toBinary(envelopeSchemas[kind] as EnvelopeSchema<K>, message);
}

/**
 * Reads a payload as the envelope of `kind`. Throws ContractError for anything
 * that is not a complete envelope of a body this build knows: the caller
 * dead-letters it rather than acting on a guess.
 */
export function decodeEnvelope<K extends EnvelopeKind>(kind: K, payload: Uint8Array, contentType?: string): Envelope<K> {
  if (contentType !== undefined && contentType !== contentTypeOf(kind)) {
    throw new ContractError(
      ContractErrorCode.wrongMessageType,
      `expected ${envelopeSchemas[kind].typeName} but the payload is declared as "${contentType}"`,
    );
  }
  let message: Envelope<K>;
  try {
    message = fromBinary(envelopeSchemas[kind] as EnvelopeSchema<K>, payload) as Envelope<K>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContractError(ContractErrorCode.corruptPayload, `not a valid ${envelopeSchemas[kind].typeName}: ${reason}`);
  }
  assertComplete(kind, message);
  return message;
}

function assertComplete(kind: EnvelopeKind, message: Envelope<EnvelopeKind>): void {
  const typeName = envelopeSchemas[kind].typeName;
  const identity = envelopeIdentity(message);
  if (!identity.id) throw new ContractError(ContractErrorCode.missingField, `${typeName} has no id`);
  if (!identity.stationId) throw new ContractError(ContractErrorCode.missingField, `${typeName} ${identity.id} has no station_id`);
  if (identity.bodyCase === undefined) {
    throw new ContractError(ContractErrorCode.unknownBody, `${typeName} ${identity.id} carries no body this service knows`);
  }
}
