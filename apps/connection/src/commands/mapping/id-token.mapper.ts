import type { Ocpp201 } from '@app/ocpp';
import { type Mapped, mapped, refuse } from './call-mapping';
import type { NeutralIdToken } from './neutral-command.types';

const idTokenTypes: Readonly<Record<Ocpp201.IdTokenEnumType, true>> = {
  Central: true,
  eMAID: true,
  ISO14443: true,
  ISO15693: true,
  KeyCode: true,
  Local: true,
  MacAddress: true,
  NoAuthorization: true,
};

function isIdTokenType(type: string): type is Ocpp201.IdTokenEnumType {
  return Object.hasOwn(idTokenTypes, type);
}

/** The token type 1.6 events give every token; it has no 2.0.1 equivalent. */
const ID_TAG_TYPE = 'IdTag';

/**
 * A 2.0.1 IdTokenType. A token without a 2.0.1 type (none, or the 1.6 "IdTag") gets
 * `untypedAs`, which depends on where the token is used.
 */
export function idToken201(token: NeutralIdToken, untypedAs: Ocpp201.IdTokenEnumType): Mapped<Ocpp201.IdTokenType> {
  const type = token.type === '' || token.type === ID_TAG_TYPE ? untypedAs : token.type;
  if (!isIdTokenType(type)) return refuse(`id token type "${token.type}" is not an OCPP 2.0.1 IdTokenType`);
  return mapped({ idToken: token.value, type });
}
